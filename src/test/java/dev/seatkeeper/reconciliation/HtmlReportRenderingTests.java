package dev.seatkeeper.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium, offline, and checks the screenshot shows the page and its charts
 * (the bar colours of owned, assigned and active). Skipped, with the reason, where Chromium is not installed; CI
 * installs it and sets {@code SEATKEEPER_REQUIRE_CHROMIUM=true}, which turns the skip into a failure. The screenshot is
 * kept in {@code target/report-screenshot.png} to look at, and copied to {@code -Dreport.screenshot=FILE} when given:
 * that is how the README's picture ({@code src/docs/report-screenshot.png}) is refreshed.
 */
class HtmlReportRenderingTests {

	static final Duration TIMEOUT = Duration.ofSeconds(90);

	@TempDir
	Path directory;

	@Test
	void theReportRendersOfflineInHeadlessChromiumWithItsCharts() throws Exception {
		Optional<Path> chromium = chromium();
		String missing = "Chromium is not installed (apt-get install -y chromium); the HTML report was not rendered";
		assertThat(chromium.isPresent() || !"true".equals(System.getenv("SEATKEEPER_REQUIRE_CHROMIUM")))
			.as(missing + ", and SEATKEEPER_REQUIRE_CHROMIUM forbids skipping")
			.isTrue();
		Assumptions.assumeTrue(chromium.isPresent(), missing);
		Path html = this.directory.resolve("report.html");
		Files.writeString(html, HtmlReport.of(Reports.sample(Map.of("open", 4, "approved", 1))));
		Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
		Files.deleteIfExists(screenshot);

		Process browser = new ProcessBuilder(List.of(chromium.get().toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--user-data-dir=" + this.directory.resolve("profile"), "--screenshot=" + screenshot,
				"--window-size=1280,1600", html.toUri().toString()))
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("chromium.log").toFile())
			.start();
		boolean exited = browser.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		if (!exited) {
			browser.destroyForcibly();
		}

		assertThat(exited).as("Chromium finished within " + TIMEOUT).isTrue();
		assertThat(screenshot).as(Files.readString(this.directory.resolve("chromium.log"))).exists();
		BufferedImage image = ImageIO.read(screenshot.toFile());
		assertThat(image.getWidth()).isEqualTo(1280);
		assertThat(pixelsOf(image, 0x486581)).as("owned bars").isGreaterThan(500);
		assertThat(pixelsOf(image, 0xf0b429)).as("assigned bars").isGreaterThan(500);
		assertThat(pixelsOf(image, 0x27ab83)).as("active bars").isGreaterThan(500);
		String copy = System.getProperty("report.screenshot");
		if (copy != null && !copy.isBlank()) {
			Files.copy(screenshot, Path.of(copy), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static long pixelsOf(BufferedImage image, int rgb) {
		long count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				count += ((image.getRGB(x, y) & 0xFFFFFF) == rgb) ? 1 : 0;
			}
		}
		return count;
	}

	static Optional<Path> chromium() {
		for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
			for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
				Path candidate = Path.of(directory, name);
				if (Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

}
