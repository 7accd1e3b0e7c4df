package se.digikomp.packager.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import se.digikomp.packager.Main;

/** Runs the real command line in this JVM and captures what it prints. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }
}
