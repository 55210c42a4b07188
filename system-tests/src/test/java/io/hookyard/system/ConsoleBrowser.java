package io.hookyard.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by Debian's chromedriver: both by explicit path, so nothing is
 * ever downloaded. Each browser has a fresh profile, so two of them are two users.
 */
final class ConsoleBrowser implements AutoCloseable {
  static final Path CHROMIUM =
      Path.of(System.getProperty("hookyard.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("hookyard.chromedriver", "/usr/bin/chromedriver"));

  private final WebDriver driver;
  private final Path profile;

  ConsoleBrowser() {
    try {
      profile = Files.createTempDirectory("hookyard-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1440,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().window().setSize(new Dimension(1440, 1000));
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return until(d -> d.findElement(By.cssSelector(css)));
  }

  boolean has(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  String text(String css) {
    return find(css).getText();
  }

  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  /** Waits (up to 30 s) until the condition gives something other than null or false. */
  <T> T until(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(30))
          .ignoring(org.openqa.selenium.NoSuchElementException.class)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(condition::apply);
    } catch (org.openqa.selenium.TimeoutException e) {
      keepPageForDiagnosis();
      throw e;
    }
  }

  /** The page a wait gave up on, beside the stack's logs. */
  private void keepPageForDiagnosis() {
    try {
      Path directory = Path.of("target/stack-logs");
      Files.createDirectories(directory);
      Files.writeString(
          directory.resolve("console-gave-up.html"),
          "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
    } catch (IOException | RuntimeException e) {
      // Diagnosis only: the timeout is what the test reports.
    }
  }

  /** Reloads the page until the condition holds, for what the services do in the background. */
  void reloadUntil(Function<WebDriver, Boolean> condition, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!Boolean.TRUE.equals(safely(condition))) {
      if (System.nanoTime() > deadline) {
        keepPageForDiagnosis();
        throw new AssertionError("Gave up waiting on " + driver.getCurrentUrl());
      }
      sleep(Duration.ofMillis(500));
      driver.navigate().refresh();
    }
  }

  private Boolean safely(Function<WebDriver, Boolean> condition) {
    try {
      return condition.apply(driver);
    } catch (org.openqa.selenium.NoSuchElementException e) {
      return false;
    }
  }

  /** Signs in on Keycloak's own login page. */
  void signIn(String username, String password) {
    type("#username", username);
    type("#password", password);
    find("#kc-login").click();
  }

  /** The page as a PNG, for the docs: the full height of the page at the window's width. */
  void screenshot(Path file) {
    long height =
        (Long)
            ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
    Dimension original = driver.manage().window().getSize();
    driver
        .manage()
        .window()
        .setSize(new Dimension(1440, (int) Math.min(Math.max(height + 140, 700), 2400)));
    try {
      Files.createDirectories(file.getParent());
      byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(original);
    }
  }

  Object script(String javascript, Object... arguments) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(javascript, arguments);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
