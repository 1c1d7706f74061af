package vn.motcua.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Json} reads and writes trees without a mapper; they must be the trees and text the mapper gave before. */
class JsonTest {
    /** The mapper every tree used to go through, configured as it was. */
    private static final ObjectMapper BEFORE = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static List<String> documents() {
        return List.of(
                "null", "true", "false", "0", "-1", "2147483647", "2147483648", "-9223372036854775808",
                "123456789012345678901234567890", "1.0", "1.50", "100.0", "0.0", "-0.0", "1e3", "1.5E-7",
                "3.141592653589793238462643383279", "\"\"", "\"Mời số A012 đến quầy 5\"", "\"tab\\tquote\\\"\\u00e1\"",
                "[]", "{}", "[1,[2,[3,[]]],{}]", "{\"a\":1,\"a\":2}", " {\"x\" : [ true , null , 2.50 ] } ",
                "{\"deviceId\":\"tp-01\",\"mqtt\":{\"uris\":[\"ssl://a:8883\",\"ssl://b:8883\"]},\"counter\":5}",
                "{\"seq\":12,\"eventId\":\"tp-01:3:12\",\"data\":{\"rating\":\"hai-long\",\"reasons\":[],\"at\":null}}");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void reads_the_trees_the_mapper_read(String json) throws Exception {
        JsonNode expected = BEFORE.readTree(json);

        assertThat(Json.parse(json)).isEqualTo(expected);
        assertThat(Json.parse(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("documents")
    void writes_the_text_the_mapper_wrote(String json) throws Exception {
        JsonNode tree = BEFORE.readTree(json);

        assertThat(Json.write(tree)).isEqualTo(BEFORE.writeValueAsString(tree));
        assertThat(Json.writeBytes(tree)).isEqualTo(BEFORE.writeValueAsBytes(tree));
        assertThat(Json.writePretty(tree)).isEqualTo(BEFORE.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    }

    @Test
    void writes_every_number_type_as_it_is_held() throws Exception {
        ObjectNode tree = Json.object().put("i", 7).put("l", 1L << 40).put("f", 1.25f).put("d", 0.1)
                .put("dec", new BigDecimal("12.300")).put("big", new BigInteger("98765432109876543210"))
                .put("s", (short) 3).put("bin", new byte[] {1, 2, 3});
        tree.putPOJO("pojo", List.of("a", "b"));
        tree.putArray("nested").addObject().putNull("nothing");

        assertThat(Json.write(tree)).isEqualTo(BEFORE.writeValueAsString(tree));
    }

    @Test
    void text_without_a_value_is_a_missing_node_as_the_mapper_gave() throws Exception {
        assertThat(Json.parse("")).isSameAs(MissingNode.getInstance()).isEqualTo(BEFORE.readTree(""));
        assertThat(Json.parse(" \n ")).isSameAs(MissingNode.getInstance());
    }

    @Test
    void anything_after_the_value_is_an_error_with_its_position() {
        assertThatThrownBy(() -> Json.parse("{} {}"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Trailing token (of type START_OBJECT)")
                .hasMessageContaining("column: 4");
        assertThatThrownBy(() -> Json.parse("[1] x")).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Unrecognized token 'x'");
    }

    @Test
    void malformed_and_truncated_text_is_an_error_not_a_partial_tree() {
        for (String bad : List.of("{", "[1,", "{\"a\":}", "{\"a\" 1}", "[1 2]", "tru", "\"open", "{\"a\":1,}")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void deep_nesting_is_read_without_recursion_up_to_the_parsers_limit() throws Exception {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        JsonNode node = Json.parse(deep);
        int depth = 0;
        while (node.size() == 1) {
            node = node.get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(999);

        String tooDeep = "[".repeat(1001) + "]".repeat(1001);
        assertThatThrownBy(() -> Json.parse(tooDeep)).isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void reads_a_value_in_the_middle_of_a_stream_and_stops_on_its_last_token() throws Exception {
        try (var p = Json.factory().createParser("{\"head\":1,\"body\":{\"a\":[1,2]},\"tail\":true}")) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            p.nextToken();
            assertThat(p.currentName()).isEqualTo("body");
            p.nextToken();
            JsonNode body = Json.read(p);
            assertThat(body).isEqualTo(BEFORE.readTree("{\"a\":[1,2]}"));
            assertThat(p.nextToken().isScalarValue()).isFalse();
            assertThat(p.currentName()).isEqualTo("tail");
        }
    }
}
