package vn.motcua.ctl;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.identity.IdentityException;
import vn.motcua.common.identity.IdentityLoader;

/** Where a device's management endpoint is and the key to reach it: from {@code --device} and a PSK, or an identity file. */
record DeviceTarget(String base, String pskIdentity, byte[] psk) {
    static final int COAPS_PORT = 5684;
    static final int COAP_PORT = 5683;

    boolean secure() {
        return psk != null;
    }

    /** Resolves the options; usage mistakes exit 2, unreadable files 4, an unknown host 3. */
    static DeviceTarget resolve(String device, String pskIdentity, Path pskFile, Path identityFile) throws CtlException {
        Identity identity = identityFile == null ? null : load(identityFile);
        if (device == null && identity == null) {
            throw new CtlException(ExitCodes.USAGE, "--device URI (e.g. coaps://10.10.3.21) or --identity FILE is required");
        }
        URI uri = device != null ? parse(device) : fromIdentity(identity);
        boolean secure = uri.getScheme().equals("coaps");
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? COAPS_PORT : COAP_PORT;
        String host = uri.getHost();
        InetAddress address = address(host);
        String base = uri.getScheme() + "://" + host + ":" + port;
        if (!secure) {
            if (!address.isLoopbackAddress()) {
                throw new CtlException(ExitCodes.USAGE, "plain coap:// is only for a loopback address (got " + host
                        + "); use coaps:// with --psk-identity and --psk-file");
            }
            return new DeviceTarget(base, null, null);
        }
        String id = pskIdentity != null ? pskIdentity : identity != null ? identity.coap().pskIdentity() : null;
        byte[] key = pskFile != null ? KeyFiles.read("--psk-file", pskFile) : identity != null ? identity.coap().psk() : null;
        if (id == null || key == null) {
            throw new CtlException(ExitCodes.USAGE, "coaps:// needs --psk-identity ID and --psk-file FILE (or --identity FILE)");
        }
        return new DeviceTarget(base, id, key);
    }

    private static Identity load(Path file) throws CtlException {
        try {
            return IdentityLoader.load(file);
        } catch (IdentityException e) {
            throw new CtlException(ExitCodes.LOCAL_FILE, e.getMessage());
        }
    }

    private static URI fromIdentity(Identity identity) {
        Identity.CoapSettings coap = identity.coap();
        String host = coap.bind().equals("0.0.0.0") || coap.bind().equals("::") ? "127.0.0.1" : coap.bind();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((coap.secure() ? "coaps" : "coap") + "://" + host + ":" + coap.port());
    }

    private static URI parse(String text) throws CtlException {
        try {
            URI uri = new URI(text);
            boolean known = "coap".equals(uri.getScheme()) || "coaps".equals(uri.getScheme());
            boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
            if (known && uri.getHost() != null && bare && uri.getRawQuery() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new CtlException(ExitCodes.USAGE, "--device must be coaps://host[:port] or coap://127.0.0.1[:port] (got \""
                + text + "\")");
    }

    private static InetAddress address(String host) throws CtlException {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            throw new CtlException(ExitCodes.UNREACHABLE, "cannot resolve the device's host name " + bare);
        }
    }
}
