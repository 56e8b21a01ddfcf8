package dev.reel.gateway.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceClassifierTest {

    private final DeviceClassifier classifier = new DeviceClassifier();

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                // Samsung Tizen TV
                "Mozilla/5.0 (SMART-TV; Linux; Tizen 5.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/2.2 Chrome/63.0.3239.84 TV Safari/537.36",
                // LG webOS TV
                "Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 WebAppManager",
                "Mozilla/5.0 (webOS.TV-2018; Linux; SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/53.0.2785.34 Safari/537.36",
                // Apple TV
                "AppleCoreMedia/1.0.0.20J373 (Apple TV; U; CPU OS 16_0 like Mac OS X; en_us)",
                "AppleTV11,1/11.1",
                // Amazon Fire TV (says Android and even Mobile)
                "Mozilla/5.0 (Linux; Android 9; AFTMM Build/PS7233; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/70.0.3538.110 Mobile Safari/537.36",
                "Mozilla/5.0 (Linux; Android 7.1.2; AFTS Build/NS6281) AppleWebKit/537.36 (KHTML, like Gecko) Silk/89.2.1 like Chrome/89.0.4389.90 Safari/537.36",
                // Roku
                "Roku/DVP-9.10 (519.10E04111A)",
                // Chromecast (says X11 Linux, like a desktop)
                "Mozilla/5.0 (X11; Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/84.0.4147.125 Safari/537.36 CrKey/1.56.500000 DeviceType/AndroidTV",
                // Android TV (Sony Bravia)
                "Mozilla/5.0 (Linux; Android 9; BRAVIA 4K GB Build/PTT1.190515.001.S52) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/77.0.3865.92 Safari/537.36",
                // HbbTV set-top box
                "Mozilla/5.0 (Linux armv7l) AppleWebKit/602.1.28 (KHTML, like Gecko) Version/10.0 Safari/602.1.28 HbbTV/1.4.1 (+DRM; Vestel; MB130; 3.1.1.0;;)"
            })
    void televisions(String userAgent) {
        assertThat(classifier.classify(userAgent)).isEqualTo(DeviceClass.TV);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
                "Mozilla/5.0 (Linux; Android 13; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
                "Mozilla/5.0 (Android 13; Mobile; rv:120.0) Gecko/120.0 Firefox/120.0",
                "Mozilla/5.0 (Windows Phone 10.0; Android 6.0.1; Microsoft; Lumia 950) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/52.0.2743.116 Mobile Safari/537.36 Edge/15.14977",
                "Opera/9.80 (J2ME/MIDP; Opera Mini/9.80 (S60; SymbOS; Opera Mobi/23.348; U; en) Presto/2.5.25 Version/10.54"
            })
    void phones(String userAgent) {
        assertThat(classifier.classify(userAgent)).isEqualTo(DeviceClass.PHONE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                // iPad says Mobile too
                "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
                // Android tablet: Android without Mobile
                "Mozilla/5.0 (Linux; Android 13; SM-X906C Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/114.0.5735.196 Safari/537.36",
                "Mozilla/5.0 (Android 13; Tablet; rv:120.0) Gecko/120.0 Firefox/120.0",
                // Kindle Fire
                "Mozilla/5.0 (Linux; Android 9; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/120.3.1 like Chrome/120.0.6099.216 Safari/537.36"
            })
    void tablets(String userAgent) {
        assertThat(classifier.classify(userAgent)).isEqualTo(DeviceClass.TABLET);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
                "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
                "curl/8.5.0",
                "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)"
            })
    void desktops(String userAgent) {
        assertThat(classifier.classify(userAgent)).isEqualTo(DeviceClass.DESKTOP);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingAgentIsDesktop(String userAgent) {
        assertThat(classifier.classify(userAgent)).isEqualTo(DeviceClass.DESKTOP);
    }

    @ParameterizedTest
    @CsvSource({"TV,tv", "PHONE,phone", "TABLET,tablet", "DESKTOP,desktop"})
    void headerValuesAreLowerCase(DeviceClass device, String header) {
        assertThat(device.headerValue()).isEqualTo(header);
    }
}
