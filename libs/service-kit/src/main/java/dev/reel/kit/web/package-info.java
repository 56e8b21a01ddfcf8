/** RFC 9457 problem responses, request limits and paging types shared by every service. */
@NullMarked
package dev.reel.kit.web;

import org.jspecify.annotations.NullMarked;
