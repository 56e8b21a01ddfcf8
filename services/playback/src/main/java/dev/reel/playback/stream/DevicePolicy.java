package dev.reel.playback.stream;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a device may play: a height cap per device class, lowered (never raised) by the height the device
 * declares, and the codec families the device declares, else a default list. Immutable and thread-safe; made by
 * {@link #builder()}, which requires a cap for every class.
 */
public final class DevicePolicy {

    private final Map<DeviceClass, Integer> caps;
    private final Set<String> defaultCodecs;
    private final DeviceClass defaultClass;

    private DevicePolicy(Map<DeviceClass, Integer> caps, Set<String> defaultCodecs, DeviceClass defaultClass) {
        this.caps = Map.copyOf(caps);
        this.defaultCodecs = Set.copyOf(defaultCodecs);
        this.defaultClass = defaultClass;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Resolves a session's device.
     *
     * @param declaredClass the class the request body names, or null
     * @param headerClass the gateway's {@code X-Device-Class} value, or null; ignored when unknown
     * @param declaredMaxHeight the device's own height limit, or null; only lowers the class cap
     * @param declaredCodecs codec families or codec strings the device decodes, or null/empty for the default list
     * @throws IllegalArgumentException when {@code declaredClass} is not a device class or {@code declaredMaxHeight}
     *     is not positive
     */
    public Device resolve(
            @Nullable String declaredClass,
            @Nullable String headerClass,
            @Nullable Integer declaredMaxHeight,
            @Nullable List<String> declaredCodecs) {
        DeviceClass deviceClass;
        if (declaredClass != null) {
            deviceClass = DeviceClass.fromLabel(declaredClass)
                    .orElseThrow(() -> new IllegalArgumentException("device.class must be one of tv, phone, tablet,"
                            + " desktop; was '" + declaredClass + "'"));
        } else if (headerClass != null) {
            deviceClass = DeviceClass.fromLabel(headerClass).orElse(defaultClass);
        } else {
            deviceClass = defaultClass;
        }
        int cap = caps.get(deviceClass);
        if (declaredMaxHeight != null) {
            if (declaredMaxHeight < 1) {
                throw new IllegalArgumentException("device.maxHeight must be positive, was " + declaredMaxHeight);
            }
            cap = Math.min(cap, declaredMaxHeight);
        }
        Set<String> codecs = new LinkedHashSet<>();
        if (declaredCodecs != null) {
            for (String codec : declaredCodecs) {
                if (codec != null && !codec.isBlank()) {
                    codecs.add(Codecs.family(codec));
                }
            }
        }
        return new Device(deviceClass, cap, codecs.isEmpty() ? defaultCodecs : codecs);
    }

    /** The renditions {@code device} may play, in their original order. */
    public static List<Rendition> allowed(Device device, List<Rendition> renditions) {
        List<Rendition> allowed = new ArrayList<>();
        for (Rendition rendition : renditions) {
            if (device.allows(rendition)) {
                allowed.add(rendition);
            }
        }
        return List.copyOf(allowed);
    }

    /** Collects the caps; not thread-safe. */
    public static final class Builder {
        private final Map<DeviceClass, Integer> caps = new EnumMap<>(DeviceClass.class);
        private final Set<String> defaultCodecs = new LinkedHashSet<>();
        private DeviceClass defaultClass = DeviceClass.DESKTOP;

        private Builder() {}

        /** The tallest rendition {@code deviceClass} may get, in pixels (positive). */
        public Builder maxHeight(DeviceClass deviceClass, int maxHeight) {
            if (maxHeight < 1) {
                throw new IllegalArgumentException(
                        "max height of " + deviceClass.label() + " must be positive, was " + maxHeight);
            }
            caps.put(Objects.requireNonNull(deviceClass, "deviceClass"), maxHeight);
            return this;
        }

        /** Codec families (or codec strings) assumed when a device declares none. */
        public Builder defaultCodecs(List<String> codecs) {
            for (String codec : codecs) {
                defaultCodecs.add(Codecs.family(codec));
            }
            return this;
        }

        /** The class of a device that declares none and has no valid header; {@link DeviceClass#DESKTOP} if unset. */
        public Builder defaultClass(DeviceClass deviceClass) {
            this.defaultClass = Objects.requireNonNull(deviceClass, "deviceClass");
            return this;
        }

        /**
         * @throws IllegalStateException when a device class has no cap or no default codec was given
         */
        public DevicePolicy build() {
            for (DeviceClass deviceClass : DeviceClass.values()) {
                if (!caps.containsKey(deviceClass)) {
                    throw new IllegalStateException("no max height for device class " + deviceClass.label());
                }
            }
            if (defaultCodecs.isEmpty()) {
                throw new IllegalStateException("no default codec");
            }
            return new DevicePolicy(caps, defaultCodecs, defaultClass);
        }
    }
}
