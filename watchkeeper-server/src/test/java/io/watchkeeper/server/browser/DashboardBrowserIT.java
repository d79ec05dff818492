package io.watchkeeper.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue E §4: a real browser (Debian's headless Chromium, driven by Selenium through Debian's chromedriver)
 * loads the dashboard, sees vessels on the map and events arriving over SSE, opens the panel of a ship whose
 * AIS name is an HTML payload and checks that the name is shown as text and nothing ran.
 *
 * <p>It runs against {@link FakeDashboardApi}; the canned data are described there. Nothing is downloaded:
 * the driver is given by path, so Selenium Manager is never started.
 */
class DashboardBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private FakeDashboardApi api;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        driver = HeadlessChromium.start();
        api = FakeDashboardApi.start();
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void showsVesselsAndLiveEventsAndHostileNamesAsText() throws Exception {
        driver.get(api.uri().toString());

        // Vessels on the map, one marker per vessel, keyed by id.
        WebElement hostile = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".vessel-marker[data-vessel='" + FakeDashboardApi.HOSTILE_ID + "']")));
        wait.until(d -> d.findElements(By.cssSelector(".vessel-marker[data-vessel]")).size() == 3);
        assertThat(driver.findElement(By.id("vessel-count")).getText()).isEqualTo("3");

        // Events arriving: the two from the stream plus the one backfilled from /api/events.
        for (String id : FakeDashboardApi.STREAM_EVENT_IDS) {
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#event-feed li[data-event-id='" + id + "']")));
        }
        wait.until(ExpectedConditions.textToBe(By.id("sse-state"), "live"));
        // The live events arrived within the minute; the backfilled one is history, not a live arrival.
        wait.until(ExpectedConditions.textToBe(By.id("event-rate"), "3"));
        // Land around the vessels (the coast at Harwich), drawn offline from the bundled Natural Earth data.
        wait.until(d -> HeadlessChromium.landCoverage((ChromeDriver) d) > 0.05);
        assertThat(feedIds()).containsExactly("ev-stream-3", "ev-stream-2", "ev-stream-1",
                FakeDashboardApi.BACKFILL_EVENT_ID);
        assertThat(driver.findElements(By.cssSelector("#filter-type option")).stream().map(WebElement::getText))
                .containsExactly("all types", "BERTHED", "SAFETY_MESSAGE", "SPEEDING_START", "ZONE_ENTER");
        // A safety message's text is shown in its row, literally; the weather station is on the map.
        assertThat(driver.findElement(By.cssSelector("#event-feed li[data-event-id='ev-stream-3'] .text")).getText())
                .isEqualTo(FakeDashboardApi.HOSTILE_SAFETY_TEXT);
        wait.until(ExpectedConditions.textToBe(By.id("legend-weather-note"), "1 heard"));

        // The hostile ship's panel: its strings shown literally, as text.
        hostile.click();
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("vessel-name")));
        wait.until(ExpectedConditions.textToBe(By.id("vessel-name"), FakeDashboardApi.HOSTILE_NAME));
        assertThat(name.getText()).isEqualTo(FakeDashboardApi.HOSTILE_NAME);
        assertThat(driver.findElement(By.id("vessel-callsign")).getText()).isEqualTo(FakeDashboardApi.HOSTILE_CALL_SIGN);
        assertThat(driver.findElement(By.id("vessel-destination")).getText())
                .isEqualTo(FakeDashboardApi.HOSTILE_DESTINATION);
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#vessel-timeline li[data-event-id='ev-stream-1']")));
        assertThat(driver.findElement(By.cssSelector("#vessel-timeline li[data-event-id='ev-stream-1']")).getText())
                .contains("<script>alert(3)</script>");
        assertThat(driver.findElement(By.cssSelector("#vessel-states li[data-machine='speeding']")).getText())
                .contains("speeding");
        assertNothingInjected();

        // A feed row opens its vessel too; the vessel filter hides the other rows.
        driver.findElement(By.cssSelector("#event-feed li[data-event-id='ev-stream-2']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("vessel-name"), FakeDashboardApi.BERTHED_NAME));
        driver.findElement(By.id("filter-vessel")).sendKeys("kowloon");
        wait.until(d -> visibleFeedIds().equals(List.of("ev-stream-2", FakeDashboardApi.BACKFILL_EVENT_ID)));
        driver.findElement(By.id("filter-vessel")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(d -> visibleFeedIds().size() == 4);

        // The machines view: each machine's Mermaid text rendered by Mermaid to SVG, and the text itself.
        driver.findElement(By.id("tab-machines")).click();
        String portCall = HeadlessChromium.awaitMermaid(driver, wait, "portcall");
        assertThat(portCall).contains("at_sea", "in_port", "at_anchor", "berthed", "unberthed");
        assertThat(HeadlessChromium.awaitMermaid(driver, wait, "boat")).contains("moving", "resting");
        assertThat(driver.findElement(By.cssSelector(".machine[data-machine='boat'] pre.mermaid-text")).getText())
                .startsWith("stateDiagram-v2");
        assertThat(driver.findElements(By.cssSelector(".machine[data-machine='encounter'] .diagram svg"))).isEmpty();
        screenshot("dashboard-machines.png");

        // Back to the map with the hostile ship selected, for the screenshot.
        driver.findElement(By.id("tab-map")).click();
        driver.findElement(By.cssSelector(".vessel-marker[data-vessel='" + FakeDashboardApi.HOSTILE_ID + "']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("vessel-name"), FakeDashboardApi.HOSTILE_NAME));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#vessel-timeline li[data-event-id='ev-stream-1']")));
        assertNothingInjected();
        Path shot = screenshot("dashboard.png");
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        assertThat(HeadlessChromium.consoleErrors(driver)).as("browser console errors").isEmpty();
    }

    private List<String> feedIds() {
        return driver.findElements(By.cssSelector("#event-feed li[data-event-id]")).stream()
                .map(e -> e.getAttribute("data-event-id")).collect(Collectors.toList());
    }

    private List<String> visibleFeedIds() {
        return driver.findElements(By.cssSelector("#event-feed li[data-event-id]")).stream()
                .filter(WebElement::isDisplayed)
                .map(e -> e.getAttribute("data-event-id")).collect(Collectors.toList());
    }

    private void assertNothingInjected() {
        HeadlessChromium.assertNothingInjected(driver);
    }

    private Path screenshot(String fileName) throws Exception {
        return HeadlessChromium.screenshot(driver, fileName);
    }
}
