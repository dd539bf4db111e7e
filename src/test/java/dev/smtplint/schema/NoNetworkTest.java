package dev.smtplint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistryConfig;
import java.io.FileNotFoundException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The schema and everything it refers to come from the jar: nothing is fetched over the network.
 */
class NoNetworkTest {
  @Test
  void aRemoteReferenceIsRefusedNotFetched() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
      Thread accepter =
          new Thread(
              () -> {
                try {
                  while (true) {
                    server.accept().close();
                    connections.incrementAndGet();
                  }
                } catch (java.io.IOException closed) {
                  // the test is over
                }
              });
      accepter.setDaemon(true);
      accepter.start();
      String schema =
          "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"properties\": {\"a\": "
              + "{\"$ref\": \"http://127.0.0.1:"
              + server.getLocalPort()
              + "/remote.json\"}}}";
      var registry = EmailSchema.registry(SchemaRegistryConfig.builder().build());
      SchemaException e =
          assertThrows(
              SchemaException.class, () -> registry.getSchema(schema).initializeValidators());
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      // Refused because no loader may fetch it: the local loaders find nothing at that address.
      assertTrue(
          cause instanceof FileNotFoundException && cause.getMessage().contains("/remote.json"),
          String.valueOf(cause));
      Thread.sleep(100);
      assertEquals(0, connections.get(), "the validator tried to fetch a remote schema");
    }
  }
}
