package com.appgain.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium, driven by playwright-core from {@code system-test/browser}
 * ({@code .ci/run} installs both): runs {@code portal.mjs} against the gateway's portal.
 */
final class PortalBrowser {

	private static final Path DRIVER = Platform.ROOT.resolve("system-test/browser");

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private PortalBrowser() {
	}

	/** Skips the calling test, with a one-line reason, where the browser cannot run. */
	static void assumeAvailable() {
		assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium: apt-get install chromium (.ci/run does)");
		assumeTrue(nodeRuns(), "no node on the PATH: apt-get install nodejs npm (.ci/run does)");
		assumeTrue(Files.isDirectory(DRIVER.resolve("node_modules/playwright-core")),
				"no playwright-core: npm ci --prefix system-test/browser (.ci/run does)");
	}

	/** What the script printed; fails if it did not finish well within three minutes. */
	static Result open(String gatewayUrl, String token) throws IOException, InterruptedException {
		Process node = new ProcessBuilder("node", "portal.mjs", gatewayUrl, token).directory(DRIVER.toFile())
			.redirectErrorStream(true)
			.start();
		node.getOutputStream().close();
		if (!node.waitFor(3, TimeUnit.MINUTES)) {
			node.destroyForcibly();
			return new Result(-1, "timed out after 3 minutes");
		}
		return new Result(node.exitValue(), new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	private static boolean nodeRuns() {
		try {
			return new ProcessBuilder("node", "--version").start().waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	record Result(int exitCode, String output) {
	}

}
