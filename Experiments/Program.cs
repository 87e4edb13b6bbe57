return ArchGym.Experiments.Cli.ArchGymCli.Run(args);
