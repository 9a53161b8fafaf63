package dev.seatkeeper.reconciliation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import dev.seatkeeper.reconciliation.RightSize;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium, offline, and checks the screenshot shows the page and its charts
 * (the bar colours of owned, assigned and active), and that the rendered document holds the right-size section with
 * its evidence per user (last login, last record activity per object). Skipped, with the reason, where Chromium is not installed; CI
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
		Files.writeString(html, HtmlReport.of(withRightSizing(Reports.sample(Map.of("open", 4, "approved", 1)))));
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
		assertRightSizeRendered(chromium.get(), html);
		String copy = System.getProperty("report.screenshot");
		if (copy != null && !copy.isBlank()) {
			Files.copy(screenshot, Path.of(copy), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** The DOM Chromium renders holds the right-size section with a row of evidence per user. */
	private void assertRightSizeRendered(Path chromium, Path html) throws Exception {
		Path dom = this.directory.resolve("dom.html");
		Process browser = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + this.directory.resolve("profile-dom"), "--dump-dom", html.toUri().toString()))
			.redirectError(this.directory.resolve("chromium-dom.log").toFile())
			.redirectOutput(dom.toFile())
			.start();
		boolean exited = browser.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		if (!exited) {
			browser.destroyForcibly();
		}
		assertThat(exited).as("Chromium finished within " + TIMEOUT).isTrue();
		String rendered = Files.readString(dom);
		assertThat(rendered).as(Files.readString(this.directory.resolve("chromium-dom.log")))
			.contains("<section id=\"right-size\"><h2>Right-size: seats a cheaper license would cover</h2>");
		String section = rendered.substring(rendered.indexOf("<section id=\"right-size\">"),
				rendered.indexOf("</section>", rendered.indexOf("<section id=\"right-size\">")));
		assertThat(section).contains("UserLicense:SFDC → UserLicense:AUL: 2 users, saving 3360.00 USD a year",
				"<tr><td>reader@acme.example</td><td>2026-11-20</td><td>Account 2026-11-02, Opportunity 2026-05-01</td>"
						+ "<td>1680.00</td></tr>",
				"<tr><td>o'brien@acme.example</td><td>never</td><td>none</td><td>1680.00</td></tr>");
	}

	/** The sample report with one downgrade and its evidence for two users. */
	private static PositionReport withRightSizing(PositionReport report) {
		RightSize size = new RightSize("UserLicense:SFDC", "UserLicense:AUL", 2, "USD", new BigDecimal("3360.00"),
				List.of(new RightSize.User("005000000000001AAA", "reader@acme.example",
						Instant.parse("2026-11-20T09:00:00Z"),
						new TreeMap<>(Map.of("Account", Instant.parse("2026-11-02T10:00:00Z"), "Opportunity",
								Instant.parse("2026-05-01T10:00:00Z"))),
						new BigDecimal("1680.00")),
						new RightSize.User("005000000000002AAA", "o'brien@acme.example", null, Map.of(),
								new BigDecimal("1680.00"))));
		return new PositionReport(report.schemaVersion(), report.profile(), report.runDate(), report.asOf(),
				report.models(), report.totals(), report.consumption(), report.trend(), report.reclamationPipeline(),
				report.skippedRecords(), report.warnings(), List.of(size));
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
