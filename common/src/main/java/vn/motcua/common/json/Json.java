package vn.motcua.common.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * A device's JSON: Jackson's trees ({@link JsonNode}), read and written with Jackson's streaming parser and generator.
 * <p>
 * Trees never go through an {@link ObjectMapper}. Making one loads about 370 of databind's classes (its serializer
 * and deserializer factories, introspection, type factory), which a device that only reads and writes trees never
 * uses; on a Pi they are about 4 MB of resident memory (issue 13, {@code docs/notes/i13-memory.md}). The trees are the
 * ones the mapper gave, configured as it was ({@code USE_BIG_DECIMAL_FOR_FLOATS}, {@code FAIL_ON_TRAILING_TOKENS}):
 * {@code JsonTest} holds them equal over a corpus. {@link #mapper()} is made on first use: no device code calls it;
 * it writes a {@link POJONode} (none of ours makes one) and lets tests bind plain Java objects.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Jackson's streaming factory, for code that reads or writes tokens itself. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** A mapper for plain Java objects (not needed for trees), configured as trees are read. Made on first use. */
    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    /** A tree as compact JSON. */
    public static String write(JsonNode node) {
        try {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                write(g, node);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tree as compact JSON in UTF-8. */
    public static byte[] writeBytes(JsonNode node) {
        try (ByteArrayBuilder out = new ByteArrayBuilder()) {
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                write(g, node);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tree as indented JSON, laid out as Jackson's default pretty printer does. */
    public static String writePretty(JsonNode node) {
        try {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
                write(g, node);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a tree to a generator, each number as the type it holds. */
    public static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    g.writeFieldName(field.getKey());
                    write(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case BINARY -> g.writeBinary(node.binaryValue());
            case POJO -> mapper().writeValue(g, ((POJONode) node).getPojo());
            case NULL, MISSING -> g.writeNull();
        }
    }

    /**
     * Parses JSON text: {@link MissingNode} for text with no value, an error with the position for anything that is
     * not exactly one JSON value.
     */
    public static JsonNode parse(String text) throws JsonProcessingException {
        try (JsonParser p = FACTORY.createParser(text)) {
            return whole(p);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON in UTF-8 (or UTF-16/32, detected as the JSON standard allows); as {@link #parse(String)}. */
    public static JsonNode parse(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return whole(p);
        }
    }

    private static JsonNode whole(JsonParser p) throws IOException {
        if (p.nextToken() == null) {
            return MissingNode.getInstance();
        }
        JsonNode value = read(p);
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            throw new JsonParseException(p, "Trailing token (of type " + trailing + ") found after value",
                    p.currentTokenLocation());
        }
        return value;
    }

    /**
     * Reads the value that starts at the parser's current token into a tree, leaving the parser on the value's last
     * token. Iterative, so a deeply nested document costs no stack (the parser limits nesting to 1,000 levels).
     */
    public static JsonNode read(JsonParser p) throws IOException {
        Deque<ContainerNode<?>> open = new ArrayDeque<>();
        for (JsonToken t = p.currentToken(); ; t = p.nextToken()) {
            if (t == null) {
                throw new JsonEOFException(p, null, "Unexpected end of input inside a JSON value");
            }
            if (t == JsonToken.FIELD_NAME) {
                continue;   // its value's token carries the name
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                ContainerNode<?> closed = open.pop();
                if (open.isEmpty()) {
                    return closed;
                }
                continue;
            }
            JsonNode node = switch (t) {
                case START_OBJECT -> NODES.objectNode();
                case START_ARRAY -> NODES.arrayNode();
                case VALUE_STRING -> NODES.textNode(p.getText());
                case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
                // USE_BIG_DECIMAL_FOR_FLOATS, with trailing zeros stripped as the mapper's trees had them (1.50 is 1.5)
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue().stripTrailingZeros());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NODES.nullNode();
                case VALUE_EMBEDDED_OBJECT -> NODES.pojoNode(p.getEmbeddedObject());
                default -> throw new JsonParseException(p, "Unexpected token " + t);
            };
            ContainerNode<?> parent = open.peek();
            if (parent instanceof ObjectNode o) {
                o.set(p.currentName(), node);
            } else if (parent instanceof ArrayNode a) {
                a.add(node);
            }
            if (node instanceof ContainerNode<?> c) {
                open.push(c);
            } else if (parent == null) {
                return node;
            }
        }
    }

    /** Holds the mapper, so that it is made only when something binds a plain Java object. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
