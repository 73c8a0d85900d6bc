package dev.guanxi.crm.examples;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crm} command, started by the {@code ./crm} launcher at the repository root: {@code demo},
 * {@code analyze} and {@code quickstart}. Import, score and report come with their issues. Exit codes: 0 on
 * success, 2 on a usage error or a bad input file (with a one-line message on standard error).
 */
@Command(
        name = "crm",
        mixinStandardHelpOptions = true,
        version = "Guanxi CRM 0.1.0-SNAPSHOT",
        description = "Guanxi CRM command line.",
        subcommands = {
            CrmCommand.DemoCommand.class,
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
            description = "Load the CDNOW purchase history into an in-memory CRM and print a summary.")
    static final class DemoCommand implements Runnable {
        private final PrintStream out;

        DemoCommand(PrintStream out) {
            this.out = out;
        }

        @Override
        public void run() {
            Demo.run(out);
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
