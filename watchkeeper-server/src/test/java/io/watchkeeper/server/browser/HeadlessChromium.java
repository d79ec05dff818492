package io.watchkeeper.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.mqtt.testing.ExternalTools;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, given by path so that Selenium
 * Manager never starts and nothing is downloaded. Missing packages skip the test with one line, or
 * fail it under CI=true ({@link ExternalTools}).
 */
final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    static ChromeDriver start() {
        ExternalTools.require("chromium", "chromium");
        ExternalTools.require("chromedriver", "chromium-driver");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,900",
                "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** No element made from hostile strings, no script but the page's own, no alert open. */
    static void assertNothingInjected(ChromeDriver driver) {
        JavascriptExecutor js = driver;
        Object injectedImages = js.executeScript(
                "return Array.from(document.images).filter(i => /\\/x$/i.test(i.src) || i.getAttribute('src') === '')"
                        + ".length");
        assertThat(injectedImages).isEqualTo(0L);
        assertThat(js.executeScript("return document.querySelectorAll('[onerror], [onload], [onclick]').length"))
                .isEqualTo(0L);
        Object scripts = js.executeScript("return Array.from(document.scripts).map(s => s.src)");
        assertThat((List<?>) scripts).hasSizeBetween(3, 4).allSatisfy(src -> assertThat(String.valueOf(src))
                .matches(".*/(leaflet|topojson-client\\.min|app|mermaid\\.min)\\.js$"));
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    /**
     * Waits until Mermaid has drawn the machine's diagram into the page as SVG (the Machines tab must be
     * open) and returns the diagram's text: its state names and labels.
     */
    static String awaitMermaid(ChromeDriver driver, WebDriverWait wait, String machine) {
        By svg = By.cssSelector(".machine[data-machine='" + machine + "'] .diagram[data-rendered='mermaid'] > svg");
        wait.until(ExpectedConditions.presenceOfElementLocated(svg));
        Object shapes = driver.executeScript("return arguments[0].querySelectorAll('g.node, g.edgeLabel').length",
                driver.findElement(svg));
        assertThat((Long) shapes).as("nodes and edge labels Mermaid drew for " + machine).isGreaterThan(1L);
        return String.valueOf(driver.executeScript("return arguments[0].textContent", driver.findElement(svg)));
    }

    /**
     * The share of the land layer's canvas painted in the land colour ({@code --land} in app.css), from 0
     * to 1; -1 if there is no land canvas.
     */
    static double landCoverage(ChromeDriver driver) {
        Object share = driver.executeScript("""
                const c = document.querySelector('.leaflet-land-pane canvas');
                if (!c || !c.width || !c.height) return -1;
                const hex = getComputedStyle(document.documentElement).getPropertyValue('--land').trim();
                const land = [1, 3, 5].map(i => parseInt(hex.substring(i, i + 2), 16));
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let painted = 0;
                for (let i = 0; i < px.length; i += 4) {
                  if (px[i + 3] > 200 && Math.abs(px[i] - land[0]) < 16 && Math.abs(px[i + 1] - land[1]) < 16
                      && Math.abs(px[i + 2] - land[2]) < 16) painted++;
                }
                return painted / (px.length / 4);""");
        return ((Number) share).doubleValue();
    }

    /** Console entries at SEVERE or above. */
    static List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .collect(Collectors.toList());
    }

    /**
     * The screenshot in target/ and, when the test runs in its checkout (the module next to docs/), also as
     * docs/{@code fileName}: the picture the documentation shows is the one the test took.
     */
    static Path screenshotForDocs(ChromeDriver driver, String fileName) throws Exception {
        Path shot = screenshot(driver, fileName);
        Path docs = Path.of("..", "docs");
        if (Files.isDirectory(docs)) {
            Files.copy(shot, docs.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        }
        return shot;
    }

    static Path screenshot(ChromeDriver driver, String fileName) throws Exception {
        File png = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", fileName);
        Files.createDirectories(target.getParent());
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
