package dev.smtplint.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.resource.SchemaLoader;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.JsoncReader;
import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema of the email settings, loaded once from the classpath (the jar's copy of {@code
 * schema/email-settings.schema.json}) and applied to the {@code email.*} keys only.
 */
public final class EmailSchema {
  public static final String RESOURCE = "/dev/smtplint/schema/email-settings.schema.json";

  private final Schema schema;
  private final JsonValue.Obj tree;

  private EmailSchema(Schema schema, JsonValue.Obj tree) {
    this.schema = schema;
    this.tree = tree;
  }

  /** Compiles the schema; a broken {@code $ref} fails here, at start, not on the first file. */
  public static EmailSchema load() {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .locale(Locale.ENGLISH)
            .formatAssertionsEnabled(
                false) // from-address-invalid judges email.address more precisely
            .build();
    SchemaRegistry registry = registry(config);
    // smtplint's own reader parses the schema once; networknt gets the tree, not the text, so it
    // need not start an ObjectMapper of its own (a measurable part of start-up).
    JsonValue.Obj tree =
        (JsonValue.Obj) JsoncReader.read(SourceFile.of("schema", text())).root().orElseThrow();
    Schema schema = registry.getSchema(JacksonTree.convert(tree));
    schema.initializeValidators();
    return new EmailSchema(schema, tree);
  }

  /** A registry that never fetches anything over the network: every schema comes from the jar. */
  static SchemaRegistry registry(SchemaRegistryConfig config) {
    // Classes, not lambdas: this runs on the first invalid file of every cold start
    // (LambdaFreeTest).
    Consumer<SchemaLoader.Builder> noRemote =
        new Consumer<>() {
          @Override
          public void accept(SchemaLoader.Builder loader) {
            loader.fetchRemoteResources(false);
          }
        };
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_7,
        new Consumer<SchemaRegistry.Builder>() {
          @Override
          public void accept(SchemaRegistry.Builder builder) {
            builder.schemaRegistryConfig(config).schemaLoader(noRemote);
          }
        });
  }

  /** The schema as shipped, for {@code smtplint schema}. */
  public static String text() {
    try (InputStream in = EmailSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Validates the {@code email.*} members of a site config's root object. */
  public List<SchemaViolation> validate(JsonValue.Obj root) {
    Map<String, JsonValue> index = new HashMap<>();
    Map<String, Position> keyPositions = new HashMap<>();
    JsonNode email = JacksonTree.emailSubset(root, index, keyPositions);
    List<SchemaViolation> out = new ArrayList<>();
    for (Error error : schema.validate(email)) {
      out.add(describe(error, index, keyPositions, siblings(error)));
    }
    return out;
  }

  /** For an unknown property: the properties the schema object at fault does define. */
  private List<String> siblings(Error error) {
    String location = String.valueOf(error.getSchemaLocation());
    int hash = location.indexOf('#');
    if (!"additionalProperties".equals(error.getKeyword()) || hash < 0) {
      return List.of();
    }
    String parent = location.substring(hash + 1, location.lastIndexOf('/'));
    JsonValue node = tree;
    for (String token : (parent + "/properties").substring(1).split("/")) {
      if (!(node instanceof JsonValue.Obj o) || o.get(token).isEmpty()) {
        return List.of();
      }
      node = o.get(token).get();
    }
    List<String> keys = new ArrayList<>();
    if (node instanceof JsonValue.Obj props) {
      for (JsonValue.Member m : props.members()) {
        keys.add(m.key());
      }
    }
    return keys;
  }

  private static SchemaViolation describe(
      Error error,
      Map<String, JsonValue> index,
      Map<String, Position> keys,
      List<String> siblings) {
    String at = pointer(error.getInstanceLocation());
    JsonValue value = index.get(at);
    String property = error.getProperty();
    String keyword = Optional.ofNullable(error.getKeyword()).orElse("");
    String subject =
        property != null && (keyword.equals("required") || keyword.equals("additionalProperties"))
            ? JsonValue.child(at, property)
            : at;
    // An unknown property points at its key, a missing one at its parent's key, anything else at
    // the value.
    Optional<Position> key =
        keyword.equals("additionalProperties")
            ? Optional.ofNullable(keys.get(subject))
            : keyword.equals("required") || keyword.equals("not")
                ? Optional.ofNullable(keys.get(at))
                : Optional.empty();
    Position position =
        key.isPresent() ? key.get() : value != null ? value.position() : Position.START;
    String message = SchemaMessages.describe(keyword, at, property, value, error, siblings);
    Position end = key.isPresent() || value == null ? position : value.end();
    return new SchemaViolation(subject, position, end, message);
  }

  private static String pointer(NodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      out.append(JsonValue.child("", String.valueOf(element)));
    }
    return out.toString();
  }
}
