/**
 * The studio side of the command line: a client of Reel's public API through the gateway that logs in as an admin,
 * uploads a master with the resumable upload protocol ({@code /api/v1/studio/uploads}), remembers unfinished uploads
 * so that a re-run resumes them, and follows the encoding job over SSE. {@code reel ingest} and the demo seeder both
 * use it.
 */
@NullMarked
package dev.reel.launcher.studio;

import org.jspecify.annotations.NullMarked;
