/**
 * Common Encryption ('cenc' scheme, AES-128-CTR, ISO/IEC 23001-7) of CMAF init and media segments.
 * Entry point: {@link dev.reel.cmaf.cenc.CencEncryptor}.
 */
@NullMarked
package dev.reel.cmaf.cenc;

import org.jspecify.annotations.NullMarked;
