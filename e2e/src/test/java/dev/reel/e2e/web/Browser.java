package dev.reel.e2e.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromedriver, with a fresh profile directory that {@link #close()}
 * deletes. Not thread-safe: one test thread drives one browser.
 */
public final class Browser implements AutoCloseable {

    /** Where Debian's {@code chromium} package puts the browser. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Where Debian's {@code chromium-driver} package puts the driver. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Launches headless Chromium with a 1280x800 window, autoplay allowed and a new temporary profile.
     *
     * @throws IllegalStateException if chromium or chromedriver is not installed
     */
    public static Browser start() {
        for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(
                        binary + " is missing: the browser tests need Debian's chromium (apt-get install -y chromium"
                                + " chromium-driver)");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("reel-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--autoplay-policy=no-user-gesture-required",
                        "--window-size=1280,800",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteTree(profile);
            throw e;
        }
        driver.manage().window().setSize(new Dimension(1280, 800));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    /** The driver, for finding elements and running scripts. */
    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Waits up to {@code timeout} for {@code condition} to return non-null and non-false, and returns that value. Missing
     * or re-rendered (stale) elements count as not yet.
     *
     * @throws org.openqa.selenium.TimeoutException naming {@code what} if the time runs out
     */
    public <T> T await(Duration timeout, String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .withMessage(what)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Runs {@code script} in the page and returns its result (a {@code return} statement gives the value). */
    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /**
     * Writes the current viewport to {@code target/screenshots/<name>.png} under the module's directory (Maven's
     * {@code basedir}, else the working directory) and returns the file.
     */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Limits the page's downloads to {@code downloadBytesPerSecond} (DevTools network emulation, with a little latency
     * as a real slow link has), and switches the HTTP cache off meanwhile so that what the page fetches again really
     * comes over that link; uploads stay unlimited.
     */
    public void throttle(long downloadBytesPerSecond) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        driver.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of(
                        "offline",
                        false,
                        "latency",
                        20,
                        "downloadThroughput",
                        downloadBytesPerSecond,
                        "uploadThroughput",
                        -1));
    }

    /** Lifts {@link #throttle(long)}: full speed, cache on. */
    public void unthrottle() {
        driver.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
    }

    /** Quits the browser and deletes its profile directory. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
