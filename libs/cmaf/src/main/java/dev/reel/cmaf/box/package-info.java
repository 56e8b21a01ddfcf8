/**
 * An immutable ISO BMFF (ISO/IEC 14496-12) box model. {@link dev.reel.cmaf.box.Boxes#parse(byte[])}
 * descends only into the containers CMAF rewriting needs and keeps every other box as its exact
 * payload bytes, so untouched boxes are written back byte for byte. Typed views such as {@link
 * dev.reel.cmaf.box.TrackRun} decode and re-encode the few boxes that get rewritten.
 */
@NullMarked
package dev.reel.cmaf.box;

import org.jspecify.annotations.NullMarked;
