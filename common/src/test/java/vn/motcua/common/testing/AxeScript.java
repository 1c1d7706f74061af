package vn.motcua.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The axe-core accessibility engine (MPL-2.0, vendored in the test resources) and the script that runs it in a page:
 * a browser test executes {@link #SOURCE}, then {@link #RUN} asynchronously, and gets back the violations as JSON.
 */
public final class AxeScript {
    private static final String RESOURCE = "/vn/motcua/common/testing/axe/axe.min.js";

    /** axe.min.js itself. */
    public static final String SOURCE = load();

    /**
     * For Selenium's executeAsyncScript: runs axe over the document (WCAG 2 A and AA rules plus best practices) and
     * calls back with a JSON array (frames are left out: each screen in a frame is checked on its own) of {@code {id, impact, help, nodes:[target...]}}.
     */
    public static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations'], iframes: false}).then((r) => done(JSON.stringify(r.violations.map((v) =>
                ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' '))})))))
              .catch((e) => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
            """;

    private AxeScript() {
    }

    private static String load() {
        try (InputStream in = AxeScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
