package dev.guanxi.crm.examples;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code crm} command, started by the {@code ./crm} launcher at the repository root: {@code demo},
 * {@code import}, {@code score}, {@code analyze} and {@code quickstart}. Exit codes: 0 on success, 2 on a usage
 * error (an unknown option, a missing or bad value) or a bad input file or database path, with a one-line message
 * on standard error; 1 on any other failure, also with one line.
 */
@Command(
        name = "crm",
        mixinStandardHelpOptions = true,
        version = "Guanxi CRM 0.1.0-SNAPSHOT",
        description = "Guanxi CRM command line.",
        subcommands = {
            CrmCommand.DemoCommand.class,
            ImportCommand.class,
            ScoreCommand.class,
            AnalyzeCommand.class,
            ReportCommand.class,
            CrmCommand.QuickstartCommand.class,
            CommandLine.HelpCommand.class
        })
public final class CrmCommand implements Runnable {
    private final PrintStream out;

    CrmCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    /**
     * Runs a sub-command.
     *
     * @param args the sub-command and its arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a sub-command and returns the process exit code.
     *
     * @param args the sub-command and its arguments
     * @param out standard output
     * @param err standard error
     * @return 0 on success, 2 on a usage error or bad input
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new CrmCommand(out), new Factory(out));
        cli.registerConverter(LocalDate.class, LocalDate::parse);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failed = e.getCommandLine();
            String name = failed.getCommandSpec().qualifiedName();
            failed.getErr().println(name + ": " + e.getMessage() + " (see " + name + " --help)");
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, failed, parsed) -> {
            String name = failed.getCommandSpec().qualifiedName();
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            failed.getErr().println(name + ": " + message.lines().findFirst().orElse(""));
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli.execute(args);
    }

    /** Creates the sub-commands with the output stream to print to. */
    private record Factory(PrintStream out) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == DemoCommand.class) {
                return type.cast(new DemoCommand(out));
            }
            if (type == CrmCommand.class) {
                return type.cast(new CrmCommand(out));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** {@code crm demo}. */
    @Command(
            name = "demo",
            mixinStandardHelpOptions = true,
            description = {
                "Load the CDNOW purchase history (2,357 customers, 6,919 purchases) and a generated business context"
                        + " into an embedded H2 database, run a full scoring run and print a summary: key, ordinary"
                        + " and small customers, RFM segments, loyalty types, credit grades with collection actions,"
                        + " lifecycle stages, the win-back list and market-basket rules.",
                "Running it again on the same directory reuses the database and prints the same results."
            })
    static final class DemoCommand implements Callable<Integer> {
        private final PrintStream out;

        @Spec
        CommandSpec spec;

        @Option(
                names = "--db",
                paramLabel = "DIR",
                defaultValue = Demo.DEFAULT_DIRECTORY,
                description = "the H2 database directory, created if missing (default: ./${DEFAULT-VALUE})")
        Path db;

        DemoCommand(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() {
            if (Files.exists(db) && !Files.isDirectory(db)) {
                spec.commandLine().getErr().println("crm demo: --db: not a directory: " + db);
                return CommandLine.ExitCode.USAGE;
            }
            try {
                Demo.run(out, db);
                return 0;
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("crm demo: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
        }
    }

    /** {@code crm quickstart}. */
    @Command(name = "quickstart", mixinStandardHelpOptions = true, description = "Run the README's quickstart.")
    static final class QuickstartCommand implements Runnable {
        @Override
        public void run() {
            Quickstart.main(new String[0]);
        }
    }
}
