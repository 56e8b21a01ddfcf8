package dev.reel.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.edge.steering.Tier;
import dev.reel.origin.OriginSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EdgeConfigTest {

    private static Properties props(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultsFollowTheDataDirectoryAndThePort() throws Exception {
        EdgeConfig config =
                EdgeConfig.from(props("server.port", "9100", "reel.edge.id", "isp-a", "reel.data-dir", "/data"));

        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.mode()).isEqualTo(EdgeSettings.Mode.APPLIANCE);
        assertThat(config.launcherPid()).isNull();
        assertThat(config.cidrs()).isEmpty();
        assertThat(config.region()).isEqualTo("local");
        assertThat(config.tier()).isEqualTo(Tier.STORAGE);
        assertThat(config.capacityBytes()).isEqualTo(2L << 30);
        assertThat(config.cacheRoot()).isEqualTo(Path.of("/data/edge/isp-a"));
        assertThat(config.origin().type()).isEqualTo(OriginSettings.Type.FS);
        assertThat(config.origin().root()).isEqualTo(Path.of("/data/origin"));
        assertThat(config.tokenKeys()).isEqualTo(Path.of("/data/secrets/edge-token.keys"));
        assertThat(config.steeringUrl()).isEqualTo(URI.create("http://localhost:8500"));
        assertThat(config.publicUrl()).isEqualTo("http://localhost:9100");
        assertThat(config.reportInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void everySettingCanBeGiven() throws Exception {
        EdgeConfig config = EdgeConfig.from(props(
                "server.port", "9101",
                "reel.launcher.pid", "4242",
                "reel.edge.id", "isp-b",
                "reel.edge.cidrs", " 127.0.1.0/24 , ::1/128 ",
                "reel.edge.region", "eu-west",
                "reel.edge.tier", "flash",
                "reel.edge.capacity", "512MB",
                "reel.edge.cache-root", "/cache",
                "reel.edge.origin.type", "s3",
                "reel.edge.origin.bucket", "media",
                "reel.edge.origin.endpoint", "http://localhost:9999",
                "reel.edge.origin.path-style", "true",
                "reel.edge.token-keys", "/keys",
                "reel.edge.steering-url", "http://steering:8500",
                "reel.edge.public-url", "http://edge.example/",
                "reel.edge.report-interval", "500ms"));

        assertThat(config.launcherPid()).isEqualTo(4242L);
        assertThat(config.cidrs()).containsExactly("127.0.1.0/24", "::1/128");
        assertThat(config.tier()).isEqualTo(Tier.FLASH);
        assertThat(config.capacityBytes()).isEqualTo(512L << 20);
        assertThat(config.cacheRoot()).isEqualTo(Path.of("/cache"));
        assertThat(config.origin().type()).isEqualTo(OriginSettings.Type.S3);
        assertThat(config.origin().bucket()).isEqualTo("media");
        assertThat(config.origin().pathStyle()).isTrue();
        assertThat(config.publicUrl()).isEqualTo("http://edge.example");
        assertThat(config.reportInterval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void originModeNeedsNoId() throws Exception {
        EdgeConfig config = EdgeConfig.from(props("server.port", "9000", "reel.edge.mode", "origin"));

        assertThat(config.mode()).isEqualTo(EdgeSettings.Mode.ORIGIN);
        assertThat(config.id()).isEqualTo("origin");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1|1",
                "4k|4096",
                "2GB|2147483648",
                "10GiB|10737418240",
                "3 MB|3145728",
                "1TB|1099511627776",
            })
    void sizesAcceptBinarySuffixes(String value, long bytes) throws Exception {
        assertThat(EdgeConfig.bytes("p", value)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "|server.port: required",
                "server.port=x|server.port:",
                "server.port=70000|server.port:",
                "server.port=1|reel.edge.id: required",
                "server.port=1,reel.edge.id=ISP A|reel.edge.id:",
                "server.port=1,reel.edge.id=a,reel.edge.mode=cdn|reel.edge.mode:",
                "server.port=1,reel.edge.id=a,reel.edge.tier=disk|reel.edge.tier:",
                "server.port=1,reel.edge.id=a,reel.edge.capacity=0|reel.edge.capacity:",
                "server.port=1,reel.edge.id=a,reel.edge.capacity=2XB|reel.edge.capacity:",
                "server.port=1,reel.edge.id=a,reel.edge.cidrs=10.0.0.0/33|reel.edge.cidrs:",
                "server.port=1,reel.edge.id=a,reel.edge.cidrs=example.com/8|reel.edge.cidrs:",
                "server.port=1,reel.edge.id=a,reel.edge.steering-url=ftp://x|reel.edge.steering-url:",
                "server.port=1,reel.edge.id=a,reel.edge.report-interval=0s|reel.edge.report-interval:",
                "server.port=1,reel.edge.id=a,reel.edge.report-interval=soon|reel.edge.report-interval:",
                "server.port=1,reel.edge.id=a,reel.launcher.pid=me|reel.launcher.pid:",
                "server.port=1,reel.edge.id=a,reel.edge.origin.type=ftp|reel.edge.origin.type:",
                "server.port=1,reel.edge.id=a,reel.edge.origin.type=s3|reel.edge.origin.*:",
            })
    void aBadSettingNamesItsProperty(String settings, String message) {
        Properties properties = new Properties();
        if (settings != null) {
            for (String pair : settings.split(",")) {
                String[] kv = pair.split("=", 2);
                properties.setProperty(kv[0], kv[1]);
            }
        }

        assertThatThrownBy(() -> EdgeConfig.from(properties))
                .isInstanceOf(EdgeConfig.BadSetting.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void cidrsKeepTheirOrder() throws Exception {
        assertThat(EdgeConfig.cidrs("10.0.0.0/8,,fd00::/8")).isEqualTo(List.of("10.0.0.0/8", "fd00::/8"));
    }
}
