package io.watchkeeper.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.core.testing.TestData;
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
 * Issue E §4 on the real thing: the packaged jar runs {@code demo} replaying the Danish AIS recording;
 * a ship whose AIS name, call sign and destination are HTML payloads is put on the air with
 * {@code mosquitto_pub}; headless Chromium loads the dashboard, sees the vessels on the map and events
 * arriving, opens the hostile ship and finds its strings shown as text with nothing run. The AIS
 * sentences come from {@link AisSentences}, checked against gpsdecode when written.
 */
class DashboardDemoIT {

    private static final String HOSTILE_MMSI = "219999999";
    private static final String HOSTILE_NAME = "<IMG SRC ONERROR=X>";
    private static final String HOSTILE_CALL_SIGN = "<B>&'\"";
    private static final String HOSTILE_DESTINATION = "\"><SCRIPT>ALERT(2)<";

    @Test
    void aRealDemoShowsShipsEventsAndAHostileNameAsText(@TempDir Path dir) throws Exception {
        int mqtt = PackagedJar.freePort();
        int http = PackagedJar.freePort();
        String recording = TestData.file("dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz").toString();
        Process demo = PackagedJar.start(dir.resolve("out.txt"), dir.resolve("err.txt"), "demo", "-q", "--port",
                String.valueOf(mqtt), "--http", String.valueOf(http), "--ais", recording, "--speed", "0", "--data",
                dir.resolve("data").toString());
        ChromeDriver driver = null;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    Files.readString(dir.resolve("err.txt")).contains("dashboard:") || !demo.isAlive());
            assertThat(demo.isAlive()).as(Files.readString(dir.resolve("err.txt"))).isTrue();
            List<String> lines = new ArrayList<>(AisSentences.staticData(Integer.parseInt(HOSTILE_MMSI),
                    HOSTILE_CALL_SIGN, HOSTILE_NAME, 70, HOSTILE_DESTINATION));
            lines.addAll(AisSentences.position(Integer.parseInt(HOSTILE_MMSI), 55.70, 12.60, 5.0, 90, 90));
            // A station of its own: its lines carry no time, so they are stamped with today's date, and on the
            // recording's station (2013) that would move the recording's event time on by years.
            MosquittoPub.publish(mqtt, "AIS/TEST", String.join("\n", lines));

            driver = HeadlessChromium.start();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get("http://localhost:" + http + "/");
            wait.until(d -> d.findElements(By.cssSelector(".vessel-marker")).size() > 50);
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".vessel-marker[data-vessel='" + HOSTILE_MMSI + "']")));
            wait.until(d -> !d.findElements(By.cssSelector("#event-feed li[data-event-id]")).isEmpty());

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
