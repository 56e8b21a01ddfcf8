/**
 * The demo catalog that {@code reel up} seeds on first start: synthetic masters generated with ffmpeg's lavfi
 * sources, catalog titles for them, and their ingest through the real encoding pipeline. Every completed step is
 * recorded in {@code <data>/demo/seed.json}, so an interrupted seed resumes and a finished one costs nothing.
 */
@NullMarked
package dev.reel.launcher.demo;

import org.jspecify.annotations.NullMarked;
