using System.CommandLine;
using ArchGym.Experiments.Runner;
using Spectre.Console;

namespace ArchGym.Experiments.Cli;

/// <summary><c>archgym envs</c> and <c>archgym agents</c>: what is registered, with options and defaults.</summary>
public static class ListCommands
{
    public static Command Environments()
    {
        var cmd = new Command("envs", "List the environments with their options and defaults.");
        cmd.SetAction(_ => CliGuard.Run(() =>
        {
            foreach (var spec in DefaultRegistries.Create().Environments.List())
            {
                var table = new Table().Border(TableBorder.Simple).Title($"[bold]{Markup.Escape(spec.Id)}[/] — {Markup.Escape(spec.Description)}")
                    .AddColumn("option").AddColumn("default").AddColumn("meaning");
                foreach (var o in spec.Options) table.AddRow(Markup.Escape(o.Name), Markup.Escape(o.Default), Markup.Escape(o.Description));
                AnsiConsole.Write(table);
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }

    public static Command Agents()
    {
        var cmd = new Command("agents", "List the agents with their hyperparameters and defaults.");
        cmd.SetAction(_ => CliGuard.Run(() =>
        {
            foreach (var spec in DefaultRegistries.Create().Agents.List())
            {
                var table = new Table().Border(TableBorder.Simple).Title($"[bold]{Markup.Escape(spec.Name)}[/] — {Markup.Escape(spec.Description)}")
                    .AddColumn("hyperparameter").AddColumn("default").AddColumn("allowed").AddColumn("meaning");
                foreach (var p in spec.HyperParameters.Parameters)
                {
                    var def = spec.Defaults.TryGetValue(p.Name, out var d) ? d : "";
                    table.AddRow(Markup.Escape(p.Name), Markup.Escape(def), Markup.Escape(p.DescribeDomain()), Markup.Escape(p.Description ?? ""));
                }

                AnsiConsole.Write(table);
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
