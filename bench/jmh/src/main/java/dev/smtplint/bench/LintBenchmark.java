package dev.smtplint.bench;

import dev.smtplint.check.Linter;
import dev.smtplint.check.Settings;
import dev.smtplint.config.SourceFile;
import dev.smtplint.schema.EmailSchema;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The in-process cost of one site config: parse, schema and every rule (no I/O, no start-up). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LintBenchmark {
  private Linter linter;
  private SourceFile clean;
  private SourceFile broken;

  @Setup
  public void setUp() {
    EmailSchema schema = EmailSchema.load();
    linter = new Linter(Settings.DEFAULT, () -> schema);
    clean = SourceFile.of("site.json", """
        {
          "externalURL": "https://sourcegraph.acme.io",
          "auth.providers": [{ "type": "builtin", "allowSignup": false }],
          // relay in the cluster
          "email.address": "sourcegraph@acme.io",
          "email.senderName": "Acme Sourcegraph",
          "email.smtp": { "host": "postfix.mail.svc.cluster.local", "port": 587, "authentication": "none",
                          "domain": "sourcegraph.acme.io" },
        }
        """);
    broken = SourceFile.of("site.json", """
        {
          "email.address": "Acme <from@domain.com>",
          "email.smtp": { "host": "email.us-east-1.amazonaws.com", "port": 465, "authentication": "plain",
                          "username": "<SES SMTP username>", "password": "<SES SMTP password>", "hots": 1 },
        }
        """);
  }

  @Benchmark
  public Object cleanConfig() {
    return linter.check(clean);
  }

  @Benchmark
  public Object configWithEightFindings() {
    return linter.check(broken);
  }
}
