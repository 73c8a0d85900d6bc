package dev.guanxi.crm.examples;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The {@code crm} command, started by the {@code ./crm} launcher at the repository root. For now it has
 * {@code demo} and {@code quickstart}; import, score, analyze and report come with their issues.
 */
public final class CrmCommand {
    private CrmCommand() {}

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
     * @return 0 on success, 2 on a usage error
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "help" : args[0].toLowerCase(Locale.ROOT);
        switch (command) {
            case "demo":
                Demo.run(out);
                return 0;
            case "quickstart":
                Quickstart.main(new String[0]);
                return 0;
            case "help":
            case "--help":
            case "-h":
                usage(out);
                return 0;
            default:
                err.println("crm: unknown command '" + args[0] + "'");
                usage(err);
                return 2;
        }
    }

    private static void usage(PrintStream out) {
        out.println("Usage: crm <command>");
        out.println("  demo         load the CDNOW purchase history into an in-memory CRM and print a summary");
        out.println("  quickstart   run the README's quickstart");
        out.println("  help         show this help");
    }
}
