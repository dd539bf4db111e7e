package dev.smtplint.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A hostile or broken "SMTP server" on loopback that follows a script, for the probe's fault cases.
 */
public final class ScriptedServer implements AutoCloseable {
  /** What the server does with one connection. */
  public interface Script {
    void run(BufferedReader in, OutputStream out, Socket socket) throws Exception;
  }

  private final ServerSocket listener;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "scripted-smtp");
            t.setDaemon(true);
            return t;
          });

  public ScriptedServer(Script script) throws IOException {
    listener = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
    threads.submit(
        () -> {
          while (!listener.isClosed()) {
            try {
              Socket socket = listener.accept();
              threads.submit(
                  () -> {
                    try (socket) {
                      script.run(
                          new BufferedReader(
                              new InputStreamReader(
                                  socket.getInputStream(), StandardCharsets.ISO_8859_1)),
                          socket.getOutputStream(),
                          socket);
                    } catch (Exception ignored) {
                      // the client hung up or the script ended: either is the point of the test
                    }
                  });
            } catch (IOException e) {
              return;
            }
          }
        });
  }

  public int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    threads.shutdownNow();
  }

  public static void say(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Blocks until the client goes away (or the test ends), saying nothing. */
  public static void silence(BufferedReader in) throws IOException {
    while (in.read() >= 0) {
      // swallow
    }
  }

  /**
   * A minimal plain-text SMTP server (AUTH PLAIN offered, no STARTTLS) that hangs up when it
   * receives the command whose verb is {@code hangUpAt} ("EHLO", "AUTH", "MAIL", "RCPT", "RSET",
   * "QUIT").
   */
  public static Script hangingUpAt(String hangUpAt) {
    return (in, out, socket) -> {
      if (hangUpAt.equals("BANNER")) {
        return;
      }
      say(out, "220 scripted.test ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String verb = line.split(" ")[0].toUpperCase();
        if (verb.equals(hangUpAt)) {
          return;
        }
        switch (verb) {
          case "EHLO" -> say(out, "250-scripted.test\r\n250 AUTH PLAIN");
          case "AUTH" -> say(out, "235 2.7.0 ok");
          case "QUIT" -> {
            say(out, "221 bye");
            return;
          }
          default -> say(out, "250 ok");
        }
      }
    };
  }
}
