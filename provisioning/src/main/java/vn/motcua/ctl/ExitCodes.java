package vn.motcua.ctl;

/** The exit codes scripts can rely on (also listed in {@code --help} and the README). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int DEVICE_ERROR = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;
    public static final int LOCAL_FILE = 4;


    private ExitCodes() {
    }
}
