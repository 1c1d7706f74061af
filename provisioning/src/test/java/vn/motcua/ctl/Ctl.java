package vn.motcua.ctl;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs motcua-ctl in this JVM through picocli with captured output. */
final class Ctl {
    /** What one run printed and its exit code. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private Ctl() {
    }

    static Result run(String... args) {
        return run(new StringWriter(), args);
    }

    /** Runs with standard output going to {@code out}, which a test may read while the command still runs. */
    static Result run(StringWriter out, String... args) {
        StringWriter err = new StringWriter();
        var cl = MotcuaCtl.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
