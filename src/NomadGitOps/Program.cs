using NomadGitOps.Cli;

return await NomadGitOpsCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
