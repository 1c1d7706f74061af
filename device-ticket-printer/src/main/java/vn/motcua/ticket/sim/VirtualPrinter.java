package vn.motcua.ticket.sim;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.tinylog.Logger;
import vn.motcua.ticket.escpos.PrinterProfile;
import vn.motcua.ticket.escpos.PrinterStatus;
import vn.motcua.ticket.printer.PrinterCondition;
import vn.motcua.ticket.transport.PrinterTransport;

/**
 * The simulator's receipt printer: a transport that decodes the driver's real ESC/POS bytes into documents (one per cut,
 * the last 100 kept) and answers DLE EOT status queries according to a condition set from outside.
 */
public final class VirtualPrinter implements PrinterTransport {
    public static final int KEPT_DOCUMENTS = 100;

    private final PrinterProfile profile;
    private final EscPosDecoder decoder;
    private final DocumentBuilder builder;
    private final Deque<PrintedDocument> documents = new ArrayDeque<>();
    private final List<PrintedDocument> justFinished = new ArrayList<>();
    private final List<Consumer<PrintedDocument>> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Byte> answers = new LinkedBlockingQueue<>();
    private volatile PrinterCondition condition = PrinterCondition.OK;

    /** A virtual printer of the given model; its Vietnamese code page number tells it how to decode text. */
    public VirtualPrinter(PrinterProfile profile, Clock clock) {
        this.profile = profile;
        this.builder = new DocumentBuilder(profile.vietnameseCodePage().orElse(-1), clock, this::finished, this::answer);
        this.decoder = new EscPosDecoder(builder);
    }

    /** Pushes the printer's condition (the simulator's paper-out, cover-open, offline buttons); offline answers nothing. */
    public void setCondition(PrinterCondition newCondition) {
        PrinterCondition old = condition;
        condition = newCondition;
        if (old != newCondition) {
            Logger.info("virtual printer condition set to {}", newCondition.wire());
        }
    }

    public PrinterCondition condition() {
        return condition;
    }

    /** The last {@value #KEPT_DOCUMENTS} documents, oldest first. */
    public synchronized List<PrintedDocument> documents() {
        return List.copyOf(documents);
    }

    /** Calls the listener with every document printed from now on (on the thread that wrote its cut). */
    public void addListener(Consumer<PrintedDocument> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<PrintedDocument> listener) {
        listeners.remove(listener);
    }

    /** The document as a PNG image, laid out like the paper. */
    public byte[] renderPng(PrintedDocument document) {
        return TicketImage.png(document, profile.paperDots(), profile.columns());
    }

    @Override
    public void open() {
        answers.clear();
    }

    @Override
    public void write(byte[] data) {
        List<PrintedDocument> done;
        synchronized (this) {
            builder.printing(condition.canPrint());
            decoder.feed(data, 0, data.length);
            done = List.copyOf(justFinished);
            justFinished.clear();
        }
        for (PrintedDocument doc : done) {
            notifyListeners(doc);
        }
    }

    @Override
    public int read(byte[] buf, long timeoutMillis) {
        try {
            Byte first = timeoutMillis <= 0 ? answers.poll() : answers.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (first == null) {
                return 0;
            }
            buf[0] = first;
            int n = 1;
            Byte next;
            while (n < buf.length && (next = answers.poll()) != null) {
                buf[n++] = next;
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public String describe() {
        return "virtual:" + profile.id();
    }

    @Override
    public void close() {
        answers.clear();
    }

    private void answer(int n) {
        PrinterCondition c = condition;
        if (c == PrinterCondition.OFFLINE) {
            return;
        }
        int[] bytes = PrinterStatus.answersFor(c);
        switch (n) {
            case 1 -> answers.add((byte) bytes[0]);
            case 2 -> answers.add((byte) bytes[1]);
            case 3 -> answers.add((byte) 0x12);
            case 4 -> answers.add((byte) bytes[2]);
            default -> Logger.debug("virtual printer ignores DLE EOT {}", n);
        }
    }

    private void finished(PrintedDocument doc) {
        documents.addLast(doc);
        while (documents.size() > KEPT_DOCUMENTS) {
            documents.removeFirst();
        }
        justFinished.add(doc);
        Logger.info("virtual printer printed a document of {} lines", doc.blocks().size());
    }

    private void notifyListeners(PrintedDocument doc) {
        for (Consumer<PrintedDocument> l : listeners) {
            try {
                l.accept(doc);
            } catch (RuntimeException e) {
                Logger.warn(e, "virtual printer listener failed; the document is kept");
            }
        }
    }
}
