package dev.reel.playback.stream.internal;

import dev.reel.origin.OriginStore;
import dev.reel.origin.OriginStores;
import dev.reel.playback.PlaybackProperties;
import dev.reel.playback.stream.DeviceClass;
import dev.reel.playback.stream.DevicePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The origin store packaged titles are read from, and the device policy built from the settings. */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    /** The origin ({@code reel.playback.origin.*}); playback only reads it. */
    @Bean(destroyMethod = "close")
    OriginStore originStore(PlaybackProperties properties) {
        return OriginStores.create(properties.origin());
    }

    @Bean
    DevicePolicy devicePolicy(PlaybackProperties properties) {
        PlaybackProperties.Devices devices = properties.devices();
        return DevicePolicy.builder()
                .maxHeight(DeviceClass.TV, devices.tvMaxHeight())
                .maxHeight(DeviceClass.DESKTOP, devices.desktopMaxHeight())
                .maxHeight(DeviceClass.TABLET, devices.tabletMaxHeight())
                .maxHeight(DeviceClass.PHONE, devices.phoneMaxHeight())
                .defaultCodecs(devices.defaultCodecs())
                .defaultClass(DeviceClass.DESKTOP)
                .build();
    }
}
