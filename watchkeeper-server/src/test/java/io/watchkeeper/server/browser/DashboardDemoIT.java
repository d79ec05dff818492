package io.watchkeeper.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.mqtt.testing.MosquittoPub;
import io.watchkeeper.server.it.PackagedJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a person sees it, on the real thing: the packaged jar runs the default {@code demo}
 * (the bundled Danish AIS recording on the clock, beside the simulated stations); a ship whose AIS name,
 * call sign and destination are HTML payloads is put on the air with {@code mosquitto_pub}; headless
 * Chromium loads the dashboard and sees land drawn, the vessels on the map coloured by their state,
 * events arriving and counted per minute, the hostile ship's strings shown as text with nothing run, and
 * the machines drawn by Mermaid. The map's screenshot is the one README.md and docs/api.md show
 * (docs/dashboard.png). The AIS sentences come from {@link AisSentences}, checked against gpsdecode
 * when written.
 */
class DashboardDemoIT {

    private static final String HOSTILE_MMSI = "219999999";
    private static final String HOSTILE_NAME = "<IMG SRC ONERROR=X>";
    private static final String HOSTILE_CALL_SIGN = "<B>&'\"";
    private static final String HOSTILE_DESTINATION = "\"><SCRIPT>ALERT(2)<";

    /** The palette key each vessel marker is drawn with ({@code unknown}: no state yet), read in one call. */
    @SuppressWarnings("unchecked")
    private static List<String> markerStates(ChromeDriver driver) {
        return (List<String>) driver.executeScript("return Array.from(document.querySelectorAll("
                + "'.vessel-marker[data-vessel]')).map(m => String(m.dataset.state))");
    }

    @Test
    void aRealDemoShowsShipsEventsAndAHostileNameAsText(@TempDir Path dir) throws Exception {
        int mqtt = PackagedJar.freePort();
        int http = PackagedJar.freePort();
        Process demo = PackagedJar.start(dir.resolve("out.txt"), dir.resolve("err.txt"), "demo", "-q", "--port",
                String.valueOf(mqtt), "--http", String.valueOf(http), "--data", dir.resolve("data").toString());
        ChromeDriver driver = null;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    Files.readString(dir.resolve("err.txt")).contains("dashboard:") || !demo.isAlive());
            assertThat(demo.isAlive()).as(Files.readString(dir.resolve("err.txt"))).isTrue();
            List<String> lines = new ArrayList<>(AisSentences.staticData(Integer.parseInt(HOSTILE_MMSI),
                    HOSTILE_CALL_SIGN, HOSTILE_NAME, 70, HOSTILE_DESTINATION));
            lines.addAll(AisSentences.position(Integer.parseInt(HOSTILE_MMSI), 55.70, 12.60, 5.0, 90, 90));
            // A station of its own: its lines carry no time, so they are stamped with the receive time.
            MosquittoPub.publish(mqtt, "AIS/TEST", String.join("\n", lines));

            driver = HeadlessChromium.start();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get("http://localhost:" + http + "/");
            wait.until(d -> markerStates((ChromeDriver) d).size() > 50);
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".vessel-marker[data-vessel='" + HOSTILE_MMSI + "']")));
            wait.until(d -> !d.findElements(By.cssSelector("#event-feed li[data-event-id]")).isEmpty());

            // Land under the ships (Denmark's coasts), from the bundled Natural Earth data, no tile server.
            wait.until(d -> HeadlessChromium.landCoverage((ChromeDriver) d) > 0.05);
            // Every ship coloured by its state in the engine, not grey for want of an event of its own.
            List<String> states = markerStates(driver);
            assertThat(states).hasSizeGreaterThan(50);
            assertThat(states).filteredOn("unknown"::equals).hasSizeLessThan(states.size() / 20);
            assertThat(new java.util.HashSet<>(states)).hasSizeGreaterThan(1);
            // Events keep arriving on the clock, and the header counts them.
            wait.until(d -> Integer.parseInt(d.findElement(By.id("event-rate")).getText()) > 0);

            // The machines the engine runs, drawn by Mermaid from their definitions.
            driver.findElement(By.id("tab-machines")).click();
            assertThat(HeadlessChromium.awaitMermaid(driver, wait, "portcall")).contains("at_sea", "berthed");
            assertThat(HeadlessChromium.awaitMermaid(driver, wait, "boat")).contains("moving", "resting");
            HeadlessChromium.screenshotForDocs(driver, "machines.png"); // docs/machines.png

            // The documentation's picture: the map with the panel of a real ship from the live feed.
            driver.findElement(By.id("tab-map")).click();
            String shown = (String) driver.executeScript("const li = Array.from(document.querySelectorAll("
                    + "'#event-feed li[data-vessel]')).find(l => /^\\d{9}$/.test(l.dataset.vessel) && l.dataset.vessel "
                    + "!== arguments[0]); li.click(); return li.dataset.vessel;", HOSTILE_MMSI);
            wait.until(ExpectedConditions.textToBe(By.id("vessel-id"), shown));
            // Two steps closer, to the Kattegat and the Sound: at the whole-of-Denmark zoom, headless
            // Chromium without a GPU paints parts of the land layer wrongly (the canvas itself is right).
            driver.findElement(By.cssSelector(".leaflet-control-zoom-in")).click();
            driver.findElement(By.cssSelector(".leaflet-control-zoom-in")).click();
            wait.until(d -> d.findElements(By.cssSelector(".leaflet-zoom-anim")).isEmpty()
                    && HeadlessChromium.landCoverage((ChromeDriver) d) > 0.05);
            wait.until(d -> !d.findElements(By.cssSelector("#vessel-states li[data-machine='boat']")).isEmpty());
            assertThat(Files.size(HeadlessChromium.screenshotForDocs(driver, "dashboard.png"))).isGreaterThan(50_000);

            WebElement hostile = driver.findElement(By.cssSelector(".vessel-marker[data-vessel='" + HOSTILE_MMSI + "']"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].click()", hostile); // hundreds of markers overlap
            wait.until(ExpectedConditions.textToBe(By.id("vessel-name"), HOSTILE_NAME));
            assertThat(driver.findElement(By.id("vessel-callsign")).getText()).isEqualTo(HOSTILE_CALL_SIGN);
            assertThat(driver.findElement(By.id("vessel-destination")).getText()).isEqualTo(HOSTILE_DESTINATION);
            HeadlessChromium.assertNothingInjected(driver);
            assertThat(Files.size(HeadlessChromium.screenshot(driver, "dashboard-demo.png"))).isGreaterThan(10_000);
            assertThat(HeadlessChromium.consoleErrors(driver)).as("browser console errors").isEmpty();
        } finally {
            if (driver != null) {
                driver.quit();
            }
            demo.destroy();
            if (!demo.waitFor(20, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
        assertThat(Files.exists(dir.resolve("data").resolve("events.db"))).as("the demo kept its events").isTrue();
    }
}
