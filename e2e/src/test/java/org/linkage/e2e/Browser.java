package org.linkage.e2e;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One headless Chromium for the browser tests: Debian's own build (Playwright cannot download one here), a
 * fresh context per person so sessions never leak between them, and the login done through Keycloak's real form.
 */
final class Browser {
    private static final List<String> CANDIDATES = List.of("/usr/lib/chromium/chromium", "/usr/bin/chromium",
            "/usr/bin/chromium-browser");
    private static final Map<String, List<Long>> TIMINGS = new ConcurrentHashMap<>();
    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;

    private Browser() {
    }

    /** The browser binary, or a failure that says in one line how to get one. */
    static Path executable() {
        String override = System.getenv("LINKAGE_CHROMIUM");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElseThrow(() ->
                new IllegalStateException("The console tests need Chromium: run deploy/test (as root it installs it), "
                        + "or apt-get install chromium fonts-noto-cjk, or set LINKAGE_CHROMIUM to a Chromium binary."));
    }

    static synchronized com.microsoft.playwright.Browser get() {
        if (chromium == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable()).setHeadless(true)
                    // This machine has no network but loopback: keep Chromium from reaching out at all.
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
            Runtime.getRuntime().addShutdownHook(new Thread(Browser::close, "browser-stop"));
        }
        return chromium;
    }

    /** A person at a desk: 1280×800, Chinese first unless {@code locale} says otherwise. */
    static Page open(String locale, int width, int height) {
        BrowserContext context = get().newContext(new NewContextOptions().setLocale(locale)
                .setViewportSize(width, height).setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    static Page open() {
        return open("zh-CN", 1280, 800);
    }

    /** Opens {@code path} on the console, logs in on Keycloak's own page, and lands back on that path. */
    static Page loggedIn(String username, String path) {
        return loggedIn(open(), username, path);
    }

    static Page loggedIn(Page page, String username, String path) {
        page.navigate(console() + path);
        page.waitForURL(url -> url.contains("/realms/linkage/"));
        page.fill("#username", username);
        page.fill("#password", "linkage");
        page.click("#kc-login");
        page.waitForURL(url -> url.startsWith(console()));
        return page;
    }

    static String console() {
        return RunningStack.get().serviceUrl("console");
    }

    /** Times one step, in milliseconds, under a name the summary prints. */
    static <T> T timed(String name, java.util.function.Supplier<T> step) {
        long t0 = System.nanoTime();
        T result = step.get();
        TIMINGS.computeIfAbsent(name, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add((System.nanoTime() - t0) / 1_000_000);
        return result;
    }

    static long lastMillis(String name) {
        List<Long> values = TIMINGS.get(name);
        return values.get(values.size() - 1);
    }

    /** A duration measured in the page itself. */
    static void record(String name, long millis) {
        TIMINGS.computeIfAbsent(name, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(millis);
    }

    static void timed(String name, Runnable step) {
        timed(name, () -> {
            step.run();
            return null;
        });
    }

    static Path screenshot(Page page, String name) {
        Path dir = Path.of(System.getProperty("linkage.screenshots", "target/screenshots"));
        Path file = dir.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** p50 and p95 of every timed step, in one block the suite prints at the end (the README's figures). */
    static String summary() {
        StringBuilder out = new StringBuilder("console timings (ms): ");
        TIMINGS.forEach((name, values) -> {
            List<Long> sorted = new ArrayList<>(values);
            sorted.sort(null);
            out.append(String.format("%n  %-28s n=%3d p50=%5d p95=%5d max=%5d", name, sorted.size(),
                    sorted.get((int) Math.floor(0.5 * (sorted.size() - 1))),
                    sorted.get((int) Math.ceil(0.95 * (sorted.size() - 1))), sorted.get(sorted.size() - 1)));
        });
        return out.toString();
    }

    private static synchronized void close() {
        if (!TIMINGS.isEmpty()) {
            System.out.println(summary());
        }
        if (chromium != null) {
            chromium.close();
            playwright.close();
            chromium = null;
        }
    }
}
