package vn.motcua.ticket.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import vn.motcua.ticket.escpos.BitImage;
import vn.motcua.ticket.escpos.Cp1258;

/** Turns decoded ESC/POS commands into {@link PrintedDocument}s, keeping the print mode a real printer keeps. */
final class DocumentBuilder implements EscPosDecoder.Sink {
    private final int vietnameseCodePage;
    private final Clock clock;
    private final Consumer<PrintedDocument> finished;
    private final IntConsumer statusQuery;
    private final List<PrintedDocument.Block> blocks = new ArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int codePage;
    private int align;
    private boolean bold;
    private int width = 1;
    private int height = 1;
    private int qrModule = 3;
    private byte[] qrData;
    private boolean printing = true;

    DocumentBuilder(int vietnameseCodePage, Clock clock, Consumer<PrintedDocument> finished, IntConsumer statusQuery) {
        this.vietnameseCodePage = vietnameseCodePage;
        this.clock = clock;
        this.finished = finished;
        this.statusQuery = statusQuery;
    }

    /** Whether paper comes out; when not, everything up to the next cut is lost, as on a printer with no paper. */
    void printing(boolean on) {
        printing = on;
    }

    @Override
    public void init() {
        flushLine(false);
        codePage = 0;
        align = 0;
        bold = false;
        width = 1;
        height = 1;
    }

    @Override
    public void codePage(int n) {
        codePage = n;
    }

    @Override
    public void align(int n) {
        align = n;
    }

    @Override
    public void bold(boolean on) {
        bold = on;
    }

    @Override
    public void size(int w, int h) {
        width = w;
        height = h;
    }

    @Override
    public void text(byte b) {
        line.write(b);
    }

    @Override
    public void lineFeed() {
        flushLine(true);
    }

    @Override
    public void raster(BitImage image) {
        flushLine(false);
        add(new PrintedDocument.Raster(image, RasterQrReader.read(image)));
    }

    @Override
    public void qrModuleSize(int dots) {
        qrModule = dots;
    }

    @Override
    public void qrStore(byte[] data) {
        qrData = data;
    }

    @Override
    public void qrPrint() {
        if (qrData != null) {
            flushLine(false);
            add(new PrintedDocument.Qr(new String(qrData, StandardCharsets.UTF_8), qrModule));
        }
    }

    @Override
    public void cut() {
        flushLine(false);
        if (printing && !blocks.isEmpty()) {
            finished.accept(new PrintedDocument(clock.instant(), trimBlankEnd(blocks)));
        }
        blocks.clear();
    }

    @Override
    public void statusQuery(int n) {
        statusQuery.accept(n);
    }

    private void flushLine(boolean evenIfEmpty) {
        if (line.size() > 0 || evenIfEmpty) {
            add(new PrintedDocument.TextLine(decode(line.toByteArray()), bold, width, height, align));
        }
        line.reset();
    }

    private void add(PrintedDocument.Block block) {
        if (printing) {
            blocks.add(block);
        }
    }

    private String decode(byte[] bytes) {
        if (codePage == vietnameseCodePage) {
            return Cp1258.decode(bytes);
        }
        Charset charset = codePage == 16 ? Charset.forName("windows-1252") : StandardCharsets.ISO_8859_1;
        return new String(bytes, charset);
    }

    private static List<PrintedDocument.Block> trimBlankEnd(List<PrintedDocument.Block> in) {
        int end = in.size();
        while (end > 0 && in.get(end - 1) instanceof PrintedDocument.TextLine t && t.text().isEmpty()) {
            end--;
        }
        return new ArrayList<>(in.subList(0, end));
    }
}
