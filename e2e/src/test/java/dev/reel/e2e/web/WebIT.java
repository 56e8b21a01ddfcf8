package dev.reel.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reel.e2e.Masters;
import dev.reel.e2e.Platform;
import dev.reel.e2e.SharedPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web app in real headless Chromium against the shared platform, as its users meet it: a member signs up, picks a
 * profile, browses, searches and opens a title; an admin uploads a master in the studio and publishes it; the member
 * plays it, is throttled, stops and resumes; and a member is refused the ops page. The tests run in order on one
 * member's browser, and each leaves a screenshot per step under {@code target/screenshots/} (plus one on failure).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
@Order(2)
class WebIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration PAGE = Duration.ofSeconds(20);
    private static final Duration RELOAD_EVERY = Duration.ofSeconds(4);
    private static final Duration STAYS_LOW = Duration.ofSeconds(8);
    private static final int SEEK_TO = 30;
    private static final Duration ENCODING = Duration.ofMinutes(10);
    /** Long enough for 5 s of play, a stretch on a throttled link and a resume, without reaching the end. */
    private static final int MASTER_SECONDS = 60;
    /** The fixed (Netflix 2015) ladder's lowest rung, 235 kbit/s; test 2 uploads with that ladder. */
    private static final long LOWEST_RUNG_BPS = 235_000;
    /** The lowest rung with its audio and a quarter to spare: a link the lowest rung plays on and the others do not. */
    private static final long THROTTLED_BYTES_PER_SECOND = (LOWEST_RUNG_BPS + 128_000) * 5 / 4 / 8;

    private Platform platform;
    private Browser member;
    private List<Platform.Title> demo;
    private @Nullable String uploadedTitleId;
    private double stoppedAt = -1;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, @Nullable Throwable cause) {
            if (member != null) {
                member.screenshot(
                        "web-failed-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    void openTheMembersBrowser(Platform shared) throws Exception {
        platform = shared;
        demo = platform.awaitPlayableDemo(Duration.ofMinutes(12));
        member = Browser.start();
    }

    @AfterAll
    void closeTheBrowser() {
        if (member != null) {
            member.close();
        }
    }

    @Test
    @Order(1)
    void aMemberSignsUpPicksAProfileBrowsesSearchesAndOpensATitle() {
        open(member, "#/signup");
        type(member, "#signup-name", "Web Viewer");
        type(member, "#signup-email", "web-" + UUID.randomUUID() + "@example.com");
        type(member, "#signup-password", PASSWORD);
        member.screenshot("web-01-signup");
        click(member, "button#signup-submit");

        visible(member, "button#profile-add").click();
        type(member, "#profile-name", "Sam");
        member.screenshot("web-02-new-profile");
        click(member, "button#profile-save");
        WebElement sam = member.await(
                PAGE,
                "the new profile's tile",
                d -> d.findElements(By.cssSelector("button.profile-tile[data-profile-id]")).stream()
                        .filter(tile -> tile.getText().contains("Sam"))
                        .findFirst()
                        .orElse(null));
        member.screenshot("web-03-whos-watching");
        sam.click();

        // Rows come from the home API on every visit; an answer before the demo catalog settled may be empty.
        awaitReloading(member, Duration.ofSeconds(60), "home rows with title cards", d -> !d.findElements(
                        By.cssSelector("section.row[data-row-id] a.title-card[data-title-id]"))
                .isEmpty());
        assertThat(member.driver().getCurrentUrl()).endsWith("#/home");
        assertThat(member.driver().findElements(By.cssSelector("section.row h2.row-title")))
                .isNotEmpty();
        member.screenshot("web-04-home");

        Platform.Title wanted = demo.getFirst();
        String word = wanted.name().split(" ")[0];
        WebElement search = visible(member, "input#search-input");
        search.sendKeys(word.substring(0, 3));
        member.await(
                PAGE,
                "type-ahead suggestions for '" + word.substring(0, 3) + "'",
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ul#search-suggestions li[role=option]")));
        member.screenshot("web-05-suggestions");
        search.sendKeys(word.substring(3), Keys.ENTER);
        member.await(PAGE, "the results page", d -> d.getCurrentUrl().contains("#/search?q="));
        By result = By.cssSelector("#search-results a.title-card[data-title-id='" + wanted.id() + "']");
        visible(member, result);
        member.screenshot("web-06-search-results");

        member.driver().findElement(result).click();
        member.await(
                PAGE,
                "the title page of " + wanted.name(),
                ExpectedConditions.textToBe(By.cssSelector("h1#title-name"), wanted.name()));
        assertThat(member.driver()
                        .findElement(By.cssSelector("button#play-button"))
                        .isDisplayed())
                .isTrue();
        member.screenshot("web-07-title");
    }

    @Test
    @Order(2)
    void anAdminUploadsAMasterInTheStudioAndPublishesIt() throws Exception {
        Path master = Files.createTempDirectory("reel-web-master-").resolve("web-master.mp4");
        Masters.generateDetailed(master, MASTER_SECONDS);
        String name = "Web Upload " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser admin = Browser.start()) {
            try {
                uploadedTitleId = uploadAndPublish(admin, name, master);
            } catch (RuntimeException | AssertionError e) {
                admin.screenshot("web-failed-studio");
                throw e;
            }
        }
    }

    /** In the studio as the admin: creates a title called {@code name}, uploads the master, publishes it. */
    private String uploadAndPublish(Browser admin, String name, Path master) throws IOException {
        Properties credentials = platform.adminCredentials();
        open(admin, "#/login");
        type(admin, "#login-email", credentials.getProperty("email"));
        type(admin, "#login-password", credentials.getProperty("password"));
        click(admin, "button#login-submit");
        admin.await(PAGE, "leaving the login page", d -> !d.getCurrentUrl().contains("#/login"));

        open(admin, "#/studio");
        type(admin, "#new-title-name", name);
        click(admin, "button#new-title-create");
        String titleId = admin.await(PAGE, "the new title in the studio", d -> {
            String url = d.getCurrentUrl();
            int at = url.indexOf("#/studio/titles/");
            if (at >= 0) {
                return url.substring(at + "#/studio/titles/".length());
            }
            return d.findElements(By.cssSelector("a.studio-title[data-title-id]")).stream()
                    .filter(link -> link.getText().contains(name))
                    .map(link -> link.getDomAttribute("data-title-id"))
                    .findFirst()
                    .orElse(null);
        });
        admin.screenshot("web-10-studio-title-created");

        open(admin, "#/studio");
        By titleOption = By.cssSelector("select#upload-title option[value='" + titleId + "']");
        admin.await(PAGE, "the new title among the upload's choices", d -> !d.findElements(titleOption)
                .isEmpty());
        new Select(admin.driver().findElement(By.cssSelector("select#upload-title"))).selectByValue(titleId);
        new Select(admin.driver().findElement(By.cssSelector("select#upload-ladder"))).selectByValue("fixed");
        if (!admin.driver()
                .findElements(By.cssSelector("select#upload-profile"))
                .isEmpty()) {
            new Select(admin.driver().findElement(By.cssSelector("select#upload-profile"))).selectByValue("fast");
        }
        admin.driver().findElement(By.cssSelector("input#upload-file")).sendKeys(master.toString());
        admin.screenshot("web-11-upload-chosen");
        click(admin, "button#upload-start");
        admin.await(Duration.ofMinutes(2), "the upload reaching 100 %", d -> progress(admin) >= 100);
        admin.screenshot("web-12-uploaded");

        By jobRow = By.xpath("//table[@id='studio-jobs']//tr[contains(@class,'job')][.//a[@href='#/studio/titles/"
                + titleId + "']]");
        admin.await(ENCODING, "the job of " + name + " reaching DONE", d -> {
            List<WebElement> rows = d.findElements(jobRow);
            if (rows.isEmpty()) {
                return false;
            }
            WebElement row = rows.getFirst();
            String stage = row.findElement(By.cssSelector(".job-stage")).getText();
            assertThat(stage).as("the job's stage").doesNotContainIgnoringCase("failed");
            return "DONE".equals(row.getDomAttribute("data-state"))
                    || stage.strip().equalsIgnoreCase("done");
        });
        admin.screenshot("web-13-job-done");

        open(admin, "#/studio/titles/" + titleId);
        click(admin, "button#title-publish");
        visible(admin, "button#title-unpublish");
        admin.screenshot("web-14-published");
        return titleId;
    }

    @Test
    @Order(3)
    void pressingPlayPlaysTheUploadedTitle() {
        assumeTrue(uploadedTitleId != null, "needs the title uploaded by test 2");
        open(member, "#/title/" + uploadedTitleId);
        // The catalog learns that the title is playable from an event: until then the page says so.
        awaitReloading(
                member,
                Duration.ofSeconds(60),
                "the title page with Play enabled",
                d -> d.findElements(By.cssSelector("button#play-button")).stream()
                        .anyMatch(WebElement::isEnabled));
        member.screenshot("web-20-uploaded-title");
        click(member, "button#play-button");

        double started = firstFrame("the first frame");
        member.screenshot("web-21-playing");
        member.await(
                Duration.ofSeconds(30),
                "currentTime advancing 5 s",
                d -> number(video(), "currentTime") >= started + 5);
        assertThat(number(video(), "videoHeight")).isPositive();
        Map<String, Object> stats = stats();
        System.out.println("web: player stats after 5 s: " + stats);
        assertThat(stats).containsKeys("sessionId", "level", "timeToFirstFrameMs");
        member.screenshot("web-22-played-5s");
    }

    @Test
    @Order(4)
    void onAThrottledLinkThePlayerMovesToALowerRendition() throws InterruptedException {
        assumeTrue(hasPlayer(), "needs the player of test 3");
        showControls();
        Select quality = new Select(visible(member, "select#player-quality"));
        int top = quality.getOptions().size() - 2; // Auto, then one choice per rung
        assertThat(top).as("rungs above the lowest").isPositive();
        member.await(
                Duration.ofSeconds(40),
                "the ABR reaching the top rung on loopback",
                d -> number(stats(), "level") == top);
        member.screenshot("web-30-top-rung");

        // On loopback the player has long buffered the rest of the clip at the top rung. Choosing a rung by hand and
        // then Auto again makes it fetch what lies ahead anew, now over the throttled link.
        member.throttle(THROTTLED_BYTES_PER_SECOND);
        try {
            showControls();
            quality.selectByValue(String.valueOf(top));
            showControls();
            quality.selectByValue("auto");
            long throttledAt = System.nanoTime();
            member.await(
                    Duration.ofSeconds(90),
                    "a lower rendition on the throttled link",
                    d -> number(stats(), "level") < top);
            System.out.printf(
                    "web: throttled to %d B/s, the player left rung %d after %.1f s: %s%n",
                    THROTTLED_BYTES_PER_SECOND, top, (System.nanoTime() - throttledAt) / 1e9, stats());
            member.screenshot("web-31-lower-rung");
            // On loopback it would climb straight back; on the slow link it stays below the top.
            long until = System.nanoTime() + STAYS_LOW.toNanos();
            while (System.nanoTime() < until) {
                assertThat(number(stats(), "level"))
                        .as("the rung while throttled, %s after leaving the top", STAYS_LOW)
                        .isLessThan(top);
                assertThat(member.driver().findElements(By.cssSelector("#player-error")))
                        .as("player errors on a link that carries the lowest rung")
                        .allMatch(error -> !error.isDisplayed());
                Thread.sleep(500);
            }
        } finally {
            member.unthrottle();
        }
    }

    @Test
    @Order(5)
    void stoppingAndReopeningResumesNearTheBookmark() {
        assumeTrue(uploadedTitleId != null, "needs the title uploaded by test 2");
        open(member, "#/title/" + uploadedTitleId);
        click(member, "button#play-button");
        firstFrame("the first frame");
        // Somewhere no earlier test stopped, so that the resume point can only come from this stop.
        member.script("document.querySelector('video#player-video').currentTime = arguments[0]", SEEK_TO);
        member.await(PAGE, "playing on from the seek", d -> number(video(), "currentTime") >= SEEK_TO + 1);
        stoppedAt = number(video(), "currentTime");
        showControls();
        click(member, "button#player-back");
        member.await(
                PAGE,
                "the title page again",
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1#title-name")));
        // Viewing writes the bookmark when the stop arrives; until then the page offers the last heartbeat's position.
        member.await(Duration.ofSeconds(30), "the bookmark at the stop", d -> {
            double bookmark = bookmarkSeconds();
            return bookmark >= stoppedAt - 3 && bookmark <= stoppedAt + 4;
        });
        member.driver().navigate().refresh();
        awaitReloading(
                member,
                Duration.ofSeconds(30),
                "a Resume button",
                d -> d.findElements(By.cssSelector("button#play-button")).stream()
                        .anyMatch(play -> play.getText().contains("Resume")));
        member.screenshot("web-40-resume");
        click(member, "button#play-button");
        double resumedAt = firstFrame("the first frame after resuming");
        member.screenshot("web-41-resumed");
        assertThat(resumedAt).as("resumed at, having stopped at " + stoppedAt).isBetween(stoppedAt - 3, stoppedAt + 4);
    }

    @Test
    @Order(6)
    void aMemberIsRefusedTheOpsPage() {
        open(member, "#/ops");
        WebElement forbidden = visible(member, "section#forbidden");
        assertThat(forbidden.getDomAttribute("role")).isEqualTo("alert");
        member.screenshot("web-50-ops-forbidden");
        Object status = member.driver().executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        import('/js/api.js')
                          .then(({ session }) => fetch('/api/v1/ops/overview', {
                            headers: { Authorization: 'Bearer ' + session.accessToken() } }))
                          .then((response) => done(response.status), (error) => done(String(error)));
                        """);
        assertThat(status)
                .as("GET /api/v1/ops/overview with the member's token")
                .isEqualTo(403L);
    }

    private static void open(Browser browser, String hash) {
        browser.driver().get(Platform.GATEWAY + "/" + hash);
    }

    /** Waits for {@code condition} like {@link Browser#await}, reloading the page every few seconds until it holds. */
    private static <T> T awaitReloading(
            Browser browser, Duration timeout, String what, Function<WebDriver, T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return browser.await(RELOAD_EVERY, what, condition);
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                browser.driver().navigate().refresh();
            }
        }
    }

    private static WebElement visible(Browser browser, String css) {
        return visible(browser, By.cssSelector(css));
    }

    private static WebElement visible(Browser browser, By locator) {
        return browser.await(PAGE, locator + " to show", ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static void type(Browser browser, String css, String text) {
        WebElement field = visible(browser, css);
        field.clear();
        field.sendKeys(text);
    }

    private static void click(Browser browser, String css) {
        By locator = By.cssSelector(css);
        browser.await(PAGE, css + " to be clickable", ExpectedConditions.elementToBeClickable(locator))
                .click();
    }

    private static double progress(Browser browser) {
        Object value = browser.script("return document.querySelector('progress#upload-progress')?.value ?? -1");
        return ((Number) value).doubleValue();
    }

    /** Waits for the video to show a picture and play; returns its currentTime then. */
    private double firstFrame(String what) {
        return member.await(PAGE, what, d -> {
            Map<String, Object> video = video();
            return number(video, "currentTime") > 0 && number(video, "videoHeight") > 0
                    ? number(video, "currentTime")
                    : null;
        });
    }

    /** Moves the pointer over the player, as a viewer does to bring back its controls (they hide while playing). */
    private void showControls() {
        WebElement video = member.driver().findElement(By.cssSelector("video#player-video"));
        new Actions(member.driver()).moveToElement(video).moveByOffset(7, 5).perform();
    }

    /** The member's bookmark of the uploaded title in seconds, as the web app reads it; -1 if there is none. */
    private double bookmarkSeconds() {
        Object millis = member.driver().executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        import('/js/api.js')
                          .then(({ api }) => api('/api/v1/viewing/bookmarks/' + arguments[0]))
                          .then((bookmark) => done(bookmark.positionMillis), () => done(-1000));
                        """, uploadedTitleId);
        return ((Number) millis).doubleValue() / 1000;
    }

    private boolean hasPlayer() {
        return uploadedTitleId != null && Boolean.TRUE.equals(member.script("return Boolean(window.reelPlayer)"));
    }

    private Map<String, Object> video() {
        Object video = member.script("""
                const v = document.querySelector('video#player-video');
                return v ? { currentTime: v.currentTime, videoHeight: v.videoHeight } : { currentTime: 0, videoHeight: 0 };
                """);
        return asMap(video);
    }

    private Map<String, Object> stats() {
        Object stats = member.script("return window.reelPlayer ? window.reelPlayer.stats() : {}");
        return asMap(stats);
    }

    /** A JavaScript object as Selenium returns it, with its keys as strings. */
    private static Map<String, Object> asMap(Object object) {
        Map<String, Object> map = new HashMap<>();
        if (object instanceof Map<?, ?> values) {
            values.forEach((key, value) -> map.put(String.valueOf(key), value));
        }
        return map;
    }

    private static double number(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value instanceof Number number ? number.doubleValue() : -1;
    }
}
