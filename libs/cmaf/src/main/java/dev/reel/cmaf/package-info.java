/**
 * CMAF (fragmented ISO BMFF) tooling for Reel's packager: reading what an init segment declares
 * about its tracks ({@link dev.reel.cmaf.InitSegment}), the box model in {@link dev.reel.cmaf.box},
 * and Common Encryption in {@link dev.reel.cmaf.cenc}.
 */
@NullMarked
package dev.reel.cmaf;

import org.jspecify.annotations.NullMarked;
