package dev.smtplint.cli;

import static dev.smtplint.probe.ScriptedServer.hangingUpAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.probe.ScriptedServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Name resolution without DNS: a forked smtplint reads its names from a hosts file of the test's
 * own ({@code jdk.net.hosts.file}), so a name can resolve to loopback addresses, to several, or not
 * at all.
 */
class ResolveTest {
  @TempDir Path dir;

  private Run probe(Path hosts, String host, int port) throws Exception {
    Path site =
        Files.writeString(
            dir.resolve("site-" + host + ".json"),
            "{\"email.address\": \"sourcegraph@acme.io\", "
                + "\"email.smtp\": {\"host\": \""
                + host
                + "\", \"port\": "
                + port
                + ", \"authentication\": \"none\"}}");
    return Forked.run(
        dir,
        Map.of(),
        List.of("-Djdk.net.hosts.file=" + hosts),
        "lint",
        "--probe",
        "--timeout",
        "1",
        "--format",
        "json",
        "--disable",
        "example-domain,port-nonstandard",
        site.toString());
  }

  private static JsonNode file(Run run) {
    return JsonMapper.builder().build().readTree(run.out()).get("files").get(0);
  }

  private static String rules(Run run) {
    List<String> out = new ArrayList<>();
    file(run)
        .get("findings")
        .forEach(f -> out.add(f.get("rule").asString() + "@" + f.get("pointer").asString()));
    return String.join(",", out);
  }

  @Test
  void aNameThatDoesNotResolveIsAFindingAtTheHost() throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 smtp.known.test\n");
    try (ScriptedServer server = new ScriptedServer(hangingUpAt("NEVER"))) {
      Run known = probe(hosts, "smtp.known.test", server.port());
      assertEquals(0, known.code(), known.all());
      Run missing = probe(hosts, "smtp.missing.test", server.port());
      assertEquals(1, missing.code(), missing.all());
      assertEquals("probe-resolve@/email.smtp/host", rules(missing));
      assertTrue(
          file(missing)
              .get("findings")
              .get(0)
              .get("message")
              .asString()
              .contains("does not resolve"),
          missing.out());
    }
  }

  /**
   * Enough addresses that one timeout each (40 s) is far beyond ten times one timeout spread over
   * them.
   */
  private static final int ADDRESSES = 40;

  @Test
  void aHostWithManyAddressesCostsOneTimeoutNotOnePerAddress() throws Exception {
    // Listeners whose accept queue is full: the kernel drops further SYNs, so a connect hangs.
    List<ServerSocket> listeners = new ArrayList<>();
    List<Socket> fillers = new ArrayList<>();
    StringBuilder hosts = new StringBuilder();
    int port = 0;
    try {
      for (int i = 2; i <= ADDRESSES + 1; i++) {
        InetAddress address = InetAddress.getByName("127.0.0." + i);
        ServerSocket listener = new ServerSocket(port, 1, address);
        port = listener.getLocalPort();
        listeners.add(listener);
        for (int k = 0; k < 3; k++) {
          Socket s = new Socket();
          try {
            s.connect(new InetSocketAddress(address, port), 50);
          } catch (java.io.IOException full) {
            // the queue is full: exactly what the test needs
          }
          fillers.add(s);
        }
        hosts.append("127.0.0.").append(i).append(" smtp.many.test\n");
      }
      Path file = Files.writeString(dir.resolve("hosts-many"), hosts.toString());
      long start = System.nanoTime();
      Run run = probe(file, "smtp.many.test", port);
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertEquals(1, run.code(), run.all());
      assertTrue(
          rules(run).startsWith("probe-connect@") || rules(run).startsWith("probe-timeout@"),
          rules(run));
      // One timeout (~1 s) spread over the addresses, not one per address (40 s): a bound of ten
      // times
      // what a quiet machine takes still tells the two apart.
      assertTrue(
          ms < 15_000,
          ADDRESSES + " addresses that never answer took " + ms + " ms with --timeout 1");
    } finally {
      for (Socket s : fillers) {
        s.close();
      }
      for (ServerSocket l : listeners) {
        l.close();
      }
    }
  }
}
