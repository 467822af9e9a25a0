/** The command line: parses arguments and hands over to src/commands. Kept thin. */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { cliMessages as m, fmtMessages as fm, HELP_WORDS, initMessages as im } from "./messages/cli.js";
import { lintRulesHelp } from "./messages/lint.js";
import { importMessages as im2 } from "./messages/import.js";
import type { Format } from "./commands/report.js";
import { isFolder } from "./read/files.js";
import { suggest } from "./validate/suggest.js";

function usageMessage(e: CommanderError): string {
  const arg = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  switch (e.code) {
    case "commander.unknownOption":
      return m.unknownOption(arg);
    case "commander.unknownCommand":
      return m.unknownCommand(arg);
    case "commander.missingArgument":
      return m.missingArgument(m.argFiles);
    case "commander.optionMissingArgument":
      return m.missingOptionValue(arg);
    case "commander.invalidArgument":
      // our own checks (--jobs, --templates) carry a Vietnamese reason after commander's English sentence;
      // commander quotes the option first, then the value: "option '--format <…>' argument 'xml' is invalid"
      return /--jobs|--templates|--min/.test(e.message) ? e.message.replace(/^[\s\S]*is invalid\.\s*/, "") : m.badFormat(/argument '([^']*)'/.exec(e.message)?.[1] ?? arg);
    default:
      return e.message.replace(/^error:\s*/, "");
  }
}

/** Commander writes its help headings in English; clerks read Vietnamese. */
function helpVi(text: string): string {
  let out = text;
  for (const [english, vi] of HELP_WORDS) out = out.replace(english, vi);
  return out;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command("kehoach")
    .description(m.description)
    .helpOption("-h, --help", m.optHelp)
    .helpCommand(false)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (text) => process.stdout.write(helpVi(text)) });
  const format = (): Option => new Option(m.flagFormat, m.optFormat).choices(["text", "json"]).default("text");
  let run: () => Promise<number> = async () => 0;

  // --templates is typed by the user, so it may be anywhere, but it must be a folder (read/files.ts contains its files)
  const templatesFolder = (v: string): string => {
    if (!isFolder(v)) throw new InvalidArgumentError(m.badTemplates(v));
    return v;
  };

  // check, build and lint share their argument and the options every plan command has
  const planCommand = (name: string, description: string): Command =>
    program.command(name).description(description).argument(`<${m.filesArg}...>`, m.argFiles).addOption(format()).option("--strict", m.optStrict);

  planCommand("check", m.checkDescription)
    .option(m.flagTemplates, m.optTemplates, templatesFolder)
    .action((files: string[], o: { format: Format; strict?: boolean; templates?: string }) => {
      run = async () => (await import("./commands/check.js")).checkCommand(files, o);
    });
  planCommand("build", m.buildDescription)
    .option(m.flagOutput, m.optOutput)
    .option(m.flagOutDir, m.optOutDir)
    .option(m.flagTemplates, m.optTemplates, templatesFolder)
    .option("--ky-so", m.optKySo)
    .option("--pdf", m.optPdf)
    .option(m.flagFonts, m.optFonts)
    .option("--watch", m.optWatch)
    .option(m.flagJobs, m.optJobs, (v: string) => {
      if (!/^[1-9]\d{0,2}$/.test(v)) throw new InvalidArgumentError(m.badJobs(v));
      return Number(v);
    })
    .action((files: string[], o: { format: Format; output?: string; outDir?: string; templates?: string; kySo?: boolean; strict?: boolean; pdf?: boolean; fonts?: string; watch?: boolean; jobs?: number }) => {
      run = async () => {
        const build = await import("./commands/build.js");
        return o.watch ? build.watchCommand(files, o) : build.buildCommand(files, o);
      };
    });
  planCommand("lint", m.lintDescription)
    .option("--fix", m.optFix)
    // the rules a message about kiem_tra.tat points to
    .addHelpText("after", lintRulesHelp)
    .action((files: string[], o: { format: Format; strict?: boolean; fix?: boolean }) => {
      run = async () => (await import("./commands/lint.js")).lintCommand(files, o);
    });
  program
    .command("import")
    .description(im2.description)
    .argument(`<${m.filesArg}...>`, im2.argFiles)
    .option(im2.flagOutput, im2.optOutput)
    .option(m.flagOutDir, im2.optOutDir)
    .addOption(format())
    .option(im2.flagMin, im2.optMin, (v: string) => {
      if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(v)) throw new InvalidArgumentError(im2.badMin(v));
      return Number(v);
    })
    .action((files: string[], o: { format: Format; output?: string; outDir?: string; min?: number }) => {
      run = async () => (await import("./commands/import.js")).importCommand(files, o);
    });
  program
    .command("fmt")
    .description(m.fmtDescription)
    .argument(`<${m.filesArg}...>`, m.argFiles)
    .addOption(format())
    .option("--check", fm.optCheck)
    .action((files: string[], o: { format: Format; check?: boolean }) => {
      run = async () => (await import("./commands/fmt.js")).fmtCommand(files, o);
    });
  program
    .command("init")
    .description(m.initDescription)
    .argument(`[${m.folderArg}]`, im.argFolder, ".")
    .option(im.flagAgency, im.optAgency)
    .option(im.flagParent, im.optParent)
    .option(im.flagName, im.optName)
    .option(im.flagAbbr, im.optAbbr)
    .option(im.flagPlace, im.optPlace)
    .option(im.flagSigner, im.optSigner)
    .option(im.flagYear, im.optYear)
    .action((dir: string, o: Record<string, string | undefined>) => {
      run = async () => (await import("./commands/init.js")).initCommand(dir, o);
    });

  // commander shows the general help, exit 0, for "kehoach nosuch --help", and does nothing at
  // all for a bare "kehoach": both are usage errors (an option first is left to commander)
  const commands = program.commands.map((c) => c.name());
  const first = argv[2];
  if (first === undefined) {
    process.stderr.write(helpVi(program.helpInformation()));
    return 2;
  }
  if (!first.startsWith("-") && !commands.includes(first)) {
    process.stderr.write(m.usage(m.unknownCommand(first, suggest(first, commands))) + "\n");
    return 2;
  }
  try {
    program.parse(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.help" || e.code === "commander.version") return 0;
      process.stderr.write(m.usage(usageMessage(e)) + "\n");
      return 2;
    }
    throw e;
  }
  return run();
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(m.internal(e instanceof Error ? e.message : String(e)) + "\n");
    process.exitCode = 70;
  },
);
