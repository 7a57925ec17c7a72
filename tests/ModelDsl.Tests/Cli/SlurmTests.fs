/// A scan on a real SLURM cluster (issue 13): tests/slurm/cluster.sh starts a single-node cluster (munged, slurmctld,
/// slurmd on localhost), samples/slurm/scan-array.sbatch runs one shard per array task under `sbatch --wait`, and
/// `modeldsl merge` joins the shards into the unsharded scan's results. Runs as root where slurm-wlm and munge are
/// installed (`.ci/run` installs them when it can); elsewhere each test is skipped with the reason.
module ModelDsl.Tests.Cli.SlurmTests

open System
open System.Diagnostics
open System.IO
open System.Text
open System.Text.RegularExpressions
open System.Threading
open Expecto
open ModelDsl.Tests.TestSupport

let private clusterScript = Path.Combine(repoRoot, "tests", "slurm", "cluster.sh")
let private arrayScript = Path.Combine(repoRoot, "samples", "slurm", "scan-array.sbatch")

let private installed name =
    let path = Environment.GetEnvironmentVariable "PATH" |> Option.ofObj |> Option.defaultValue ""
    Array.append (path.Split ':') [| "/usr/sbin"; "/sbin" |]
    |> Array.exists (fun d -> d <> "" && File.Exists(Path.Combine(d, name)))

/// Why the SLURM tests cannot run here, if they cannot.
let private missing =
    lazy
        (match [ "sbatch"; "slurmctld"; "slurmd"; "munged" ] |> List.filter (installed >> not) with
         | [] when Environment.UserName <> "root" ->
             Some "not root: the SLURM test starts munged, slurmctld and slurmd itself; SLURM tests skipped"
         | [] -> None
         | absent ->
             Some(sprintf "%s not installed (apt-get install --no-install-recommends slurmctld slurmd slurm-client munge, as .ci/run does): SLURM tests skipped" (String.Join(", ", absent))))

/// Printed once (Expecto reports ignored tests only with --debug).
let private note = lazy (missing.Value |> Option.iter (eprintfn "note: %s"))

let private requireSlurm () =
    match missing.Value with
    | Some reason ->
        note.Force()
        skiptest reason
    | None -> ()

/// Runs FILE ARGS in DIR with extra environment variables; kills it after LIMIT seconds (exit code -1 then).
let private run (file: string) (args: string list) (dir: string) (env: (string * string) list) (limit: int) =
    runProcess file args dir [ for name, value in env -> name, Some value ] limit

let private cluster command = run "bash" [ clusterScript; command ] repoRoot [] 60

let private tail lines (path: string) =
    try
        let all = File.ReadAllLines path
        String.Join("\n", all[max 0 (all.Length - lines) ..])
    with e -> $"({path}: {e.Message})"

/// The controller's and the node daemon's log files, as the running cluster's configuration names them.
let private logFiles () =
    let config = (run "scontrol" [ "show"; "config" ] repoRoot [] 10).Stdout
    [ for key in [ "SlurmctldLogFile"; "SlurmdLogFile" ] do
          let m = Regex.Match(config, $@"^{key}\s*=\s*(\S+)", RegexOptions.Multiline)
          if m.Success && m.Groups[1].Value <> "(null)" then m.Groups[1].Value ]

/// What to look at when a job went wrong: `scontrol show job` (there is no accounting), the jobs' output files and
/// the daemons' log tails.
let private diagnostics (dir: string) (jobId: string option) =
    let text = StringBuilder()
    let add (title: string) (body: string) = text.Append($"--- {title}\n{body.TrimEnd()}\n") |> ignore
    match jobId with
    | Some id ->
        let r = run "scontrol" [ "show"; "job"; id ] repoRoot [] 10
        add $"scontrol show job {id}" (r.Stdout + r.Stderr)
    | None -> ()
    if Directory.Exists dir then
        for f in Directory.GetFiles(dir, "*.out") |> Array.sort do
            add (Path.GetFileName f) (tail 40 f)
    for log in logFiles () do
        add $"last lines of {log}" (tail 30 log)
    text.ToString()

/// Holds the machine's SLURM test lock (two test runs as root share /etc/slurm and the daemons), starts the cluster
/// unless one runs, runs the body in a fresh directory, and stops the cluster only when it started it. On failure it
/// prints the job's state, the jobs' output and the log tails.
let private onCluster (body: string -> string option ref -> unit) =
    requireSlurm ()
    let lockPath = Path.Combine(Path.GetTempPath(), "modeldsl-slurm-test.lock")
    let rec lockIt tries =
        try new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
        with :? IOException when tries > 0 ->
            Thread.Sleep 500
            lockIt (tries - 1)
    use _lock = lockIt 240
    // start is a no-op on the test cluster when it runs; it exits 4 when a cluster that is not ours answers (submitting
    // test jobs to a real cluster is not ours to do) and 5 when the machine is set up for one (SLURM_CONF, /etc/slurm-llnl)
    let running = (cluster "status").ExitCode = 0
    let r = cluster "start"
    match r.ExitCode with
    | 0 -> ()
    | 4 | 5 ->
        let reason =
            if r.ExitCode = 4 then "a SLURM cluster that is not ModelDsl's test cluster answers here: not touching it"
            else r.Stderr.Trim()
        eprintfn "note: %s; SLURM test skipped" reason
        skiptest reason
    | code -> failtestf "tests/slurm/cluster.sh start failed (exit %d):\n%s%s" code r.Stdout r.Stderr
    let started = not running
    let dir = Path.Combine(Path.GetTempPath(), "modeldsl-slurm-" + Guid.NewGuid().ToString("N"))
    Directory.CreateDirectory dir |> ignore
    let jobId = ref None
    try
        try
            body dir jobId
        with _ ->
            eprintfn "%s" (diagnostics dir jobId.Value)
            reraise ()
    finally
        Directory.Delete(dir, true)
        if started then
            let r = cluster "stop"
            if r.ExitCode <> 0 then eprintfn "note: tests/slurm/cluster.sh stop failed (exit %d): %s%s" r.ExitCode r.Stdout r.Stderr

/// `sbatch --wait --parsable ARGS` in DIR (one output file per array task there), at most 300 s (four dotnet start-ups
/// on 2 busy cores); records the job id.
let private sbatch dir (jobId: string option ref) env args =
    let r = run "sbatch" ([ "--wait"; "--parsable"; "--output=slurm-%A_%a.out" ] @ args) dir env 300
    let id = r.Stdout.Trim().Split([| '\n'; ';' |])[0]
    if id <> "" then jobId.Value <- Some id
    if r.ExitCode = -1 then
        jobId.Value |> Option.iter (fun id -> run "scancel" [ id ] dir [] 10 |> ignore)
        failtestf "sbatch --wait %A did not return in 300 s" args
    r

let private csvLines (bytes: byte[]) = (Encoding.UTF8.GetString bytes).TrimEnd('\n').Split('\n')

/// The first line where two CSV exports differ, for the failure message.
let private firstDifference (a: byte[]) (b: byte[]) =
    let la, lb = csvLines a, csvLines b
    match Seq.zip la lb |> Seq.tryFindIndex (fun (x, y) -> x <> y) with
    | Some i -> $"line {i + 1}: {la[i]} <> {lb[i]}"
    | None -> $"{la.Length} lines <> {lb.Length} lines"

[<Tests>]
let tests =
    testSequenced <| testList "Cli/Slurm" [
        test "the single-node cluster runs a 4-task array job; a failing task makes sbatch --wait fail" {
            onCluster (fun dir jobId ->
                let ok = sbatch dir jobId [] [ "--array=0-3"; "--wrap"; "echo $SLURM_ARRAY_TASK_ID > task-$SLURM_ARRAY_TASK_ID.txt" ]
                Expect.equal ok.ExitCode 0 $"sbatch --wait exit code; {ok.Stderr}"
                for k in 0 .. 3 do
                    let f = Path.Combine(dir, $"task-{k}.txt")
                    Expect.isTrue (File.Exists f) $"array task {k} ran in the submit directory"
                    Expect.equal (File.ReadAllText(f).Trim()) (string k) $"array task {k} saw its SLURM_ARRAY_TASK_ID"
                let bad = sbatch dir jobId [] [ "--array=0-1"; "--wrap"; "exit $((3 * SLURM_ARRAY_TASK_ID))" ]
                Expect.equal bad.ExitCode 3 "sbatch --wait returns the largest exit code of the array's tasks")
        }
        test "a 4-shard scan as an sbatch --array job merges to the unsharded scan; a missing shard is reported" {
            onCluster (fun dir jobId ->
                let model = modelPath "conformal-bl.mdl"
                let card = Path.Combine(repoRoot, "samples", "conformal-bl", "scenario5.card")
                // Shards take whole chunks (chunk c to shard c mod 4), and a compiled scan's chunk is whole grid rows of
                // about 32768 points: 120000 points make at least 4 chunks, so that every shard has work (a 3000-point
                // grid would be one chunk, all of it in shard 0).
                let axes = [ "re(w23)=-3:3:400"; "im(w23)=-3:3:300" ]
                let points = 400 * 300
                let full = Path.Combine(dir, "full.db")
                let scan = runCli ([ "scan"; model; "--card"; card ] @ List.collect (fun a -> [ "--grid"; a ]) axes @ [ "--out"; full ])
                Expect.equal scan.ExitCode 0 $"unsharded scan; {scan.Stderr}"
                // The array tasks run the CLI built next to the tests through MODELDSL, as a user's installed tool.
                let wrapper = Path.Combine(dir, "modeldsl")
                File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{cliDll}' \"$@\"\n")
                File.SetUnixFileMode(wrapper, UnixFileMode.UserRead ||| UnixFileMode.UserWrite ||| UnixFileMode.UserExecute)
                let env =
                    [ "MODELDSL", wrapper; "SCAN_MODEL", model; "SCAN_CARD", card; "SCAN_GRID", String.Join(" ", axes)
                      "SCAN_SHARDS", "4"; "SCAN_OUT", "results" ]
                let job = sbatch dir jobId env [ "--array=0-3"; arrayScript ]
                Expect.equal job.ExitCode 0 $"every array task succeeded; {job.Stderr}"
                let shards = [ for k in 0 .. 3 -> Path.Combine(dir, $"results.shard-{k}.db") ]
                for s in shards do
                    Expect.isTrue (File.Exists s) $"{Path.GetFileName s} written in the submit directory"
                let merged = Path.Combine(dir, "merged.db")
                let merge = runCli ([ "merge"; "--out"; merged ] @ shards)
                let report = merge.Stdout + merge.Stderr
                Expect.equal merge.ExitCode 0 $"merge of the 4 shards: {report}"
                Expect.stringContains merge.Stdout $"merged {points} points from 4 of 4 shard files" $"the report counts every point from every shard: {report}"
                Expect.stringContains merge.Stdout $": {points} of {points} points stored" $"the report gives the grid's total: {report}"
                Expect.isFalse (report.Contains "missing:") $"no point missing: {report}"
                Expect.isFalse (report.Contains "duplicated:") $"no point duplicated: {report}"
                let export results name =
                    let csv = Path.Combine(dir, name)
                    let r = runCli [ "export"; results; "--csv"; csv ]
                    Expect.equal r.ExitCode 0 $"export {Path.GetFileName results}: {r.Stderr}"
                    File.ReadAllBytes csv
                let fullCsv = export full "full.csv"
                let mergedCsv = export merged "merged.csv"
                Expect.equal (csvLines fullCsv).Length (points + 1) "the unsharded CSV: a header and one row per point"
                Expect.isTrue (fullCsv = mergedCsv) $"merged and unsharded CSV byte-identical; first difference at {firstDifference fullCsv mergedCsv}"
                // Every shard computed a share, and the shares add up to the grid.
                let held = [ for k in 0 .. 3 -> (csvLines (export shards[k] $"shard-{k}.csv")).Length - 1 ]
                for k in 0 .. 3 do
                    Expect.isGreaterThan held[k] 0 $"shard {k} holds points (the grid must span at least 4 chunks)"
                Expect.equal (List.sum held) points "the shards' points add up to the grid"
                // Without shard 3 the merge lacks exactly the points shard 3 holds.
                let lost = held[3]
                let partial = runCli ([ "merge"; "--out"; Path.Combine(dir, "partial.db") ] @ shards[0..2])
                let partialReport = partial.Stdout + partial.Stderr
                Expect.notEqual partial.ExitCode 0 $"a merge with a shard missing is incomplete: {partialReport}"
                Expect.isTrue (Regex.IsMatch(partialReport, "missing", RegexOptions.IgnoreCase)) $"missing points reported: {partialReport}"
                Expect.isTrue (Regex.IsMatch(partialReport, $@"\b{lost}\b")) $"the {lost} points of shard 3 counted: {partialReport}")
        }
    ]
