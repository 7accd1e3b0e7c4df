package se.digikomp.packager;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import se.digikomp.packager.source.InvalidSourceException;
import se.digikomp.packager.source.Problem;

/** {@code java -jar course-packager.jar <command>}: Markdown courses in, SCORM, xAPI, cmi5 and web packages out. */
@Command(name = "course-packager", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Builds Markdown courses (docs/course-format.md) into SCORM 1.2, SCORM 2004 4th Edition, "
                + "xAPI, cmi5 and web packages.",
        subcommands = {BuildCommand.class, ValidateCommand.class, PreviewCommand.class, NewCommand.class,
                PublishCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:invalid course sources or package (file:line: message on stderr)",
                "2:usage error", "3:internal error", "4:publish refused by the server or server unreachable"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (what the tests call). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InvalidSourceException invalid) {
                for (Problem p : invalid.problems()) {
                    err.println(p);
                }
                long warnings = invalid.problems().stream().filter(Problem::isWarning).count();
                long errors = invalid.problems().size() - warnings;
                err.println(errors > 0 ? errors + " problem(s) found" + (warnings > 0 ? " and " + warnings
                        + " warning(s)." : ".") : warnings + " warning(s) found (--strict: warnings fail).");
                return ExitCode.INVALID;
            }
            if (e instanceof UsageException) {
                err.println("course-packager: " + e.getMessage());
                return ExitCode.USAGE;
            }
            if (e instanceof PublishException) {
                err.println("course-packager: " + e.getMessage());
                return ExitCode.REJECTED;
            }
            err.println("course-packager: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            if (System.getenv("COURSE_PACKAGER_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("(set COURSE_PACKAGER_DEBUG=1 for details)");
            }
            return ExitCode.INTERNAL;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            err.println("course-packager: " + e.getMessage());
            err.println("Try 'course-packager " + (e.getCommandLine().getCommandName().equals("course-packager")
                    ? "" : e.getCommandLine().getCommandName() + " ") + "--help'.");
            return ExitCode.USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: build, validate, "
                + "preview, new or publish");
    }

    /** A command-line value that cannot be used (exit code 2). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** publish failed at the server (exit code 4). */
    static final class PublishException extends RuntimeException {
        PublishException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"course-packager " + (v == null ? "dev" : v)};
        }
    }
}
