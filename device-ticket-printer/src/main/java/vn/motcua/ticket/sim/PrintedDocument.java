package vn.motcua.ticket.sim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.motcua.ticket.escpos.BitImage;

/** One document the virtual printer printed, from ESC @ or the previous cut up to a cut: its lines, images and QR codes. */
public record PrintedDocument(Instant printedAt, List<Block> blocks) {

    public PrintedDocument {
        blocks = List.copyOf(blocks);
    }

    /** One printed element, in paper order. */
    public sealed interface Block permits TextLine, Raster, Qr {
        /** The element as a line of text (images as {@code [raster WxH]}). */
        String asText();
    }

    /** A line of code page text with its print mode; width and height are the GS ! multipliers, align 0/1/2. */
    public record TextLine(String text, boolean bold, int width, int height, int align) implements Block {
        @Override
        public String asText() {
            return text;
        }
    }

    /** A GS v 0 raster image, with the QR content decoded from it when it holds a QR code. */
    public record Raster(BitImage image, Optional<String> qrContent) implements Block {
        @Override
        public String asText() {
            return "[raster " + image.widthDots() + "x" + image.height() + "]"
                    + qrContent.map(q -> "\n[qr " + q + "]").orElse("");
        }
    }

    /** A native GS ( k QR code: its stored data and module size in dots. */
    public record Qr(String content, int moduleSize) implements Block {
        @Override
        public String asText() {
            return "[qr " + content + "]";
        }
    }

    /** The document as UTF-8 text, one line per printed line, rasters as {@code [raster WxH]} and QR codes as {@code [qr ...]}. */
    public String text() {
        return blocks.stream().map(Block::asText).collect(Collectors.joining("\n"));
    }

    /** The content of every QR code on the document, native or decoded from a raster. */
    public List<String> qrContents() {
        return blocks.stream()
                .flatMap(b -> b instanceof Qr q ? Stream.of(q.content())
                        : b instanceof Raster r ? r.qrContent().stream() : Stream.<String>empty())
                .toList();
    }
}
