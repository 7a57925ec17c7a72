/// `modeldsl scan` as a long job: killed with SIGKILL and resumed, on any thread count, in shards joined by `modeldsl merge`,
/// exported with `modeldsl export` (issue 13, docs/scans.md). Every comparison is bit for bit.
module ModelDsl.Tests.Cli.ScanDurabilityTests

open System
open System.Diagnostics
open System.IO
open Expecto
open ModelDsl.Kernels.Scans
open ModelDsl.Tests.TestSupport

/// A temporary folder deleted by Dispose.
type private TempDir() =
    let path = Path.Combine(Path.GetTempPath(), "modeldsl-durability-" + Guid.NewGuid().ToString("N"))
    do Directory.CreateDirectory path |> ignore
    member _.File(name: string) = Path.Combine(path, name)
    interface IDisposable with
        member _.Dispose() = try Directory.Delete(path, true) with _ -> ()

let private scanArgs (grid: int * int) (extra: string list) (out: string) =
    let nx, ny = grid
    [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario5.card"
      "--grid"; $"re(w23)=-3:3:{nx}"; "--grid"; $"im(w23)=-3:3:{ny}"; "--out"; out ] @ extra

/// Starts the CLI without waiting; SLURM_ARRAY_TASK_ID set to the value given, or removed.
let private start (args: string list) (slurmTask: string option) =
    startProcess "dotnet" (cliDll :: args) repoRoot [ "SLURM_ARRAY_TASK_ID", slurmTask ]

let private runWith (args: string list) (slurmTask: string option) =
    use p = start args slurmTask
    finishProcess p 60

let private ok (args: string list) =
    let r = runCli args
    Expect.equal r.ExitCode 0 $"modeldsl {args}: {r.Stderr}"
    r

/// (chunk ids, points stored, total) of a results file.
let private census (path: string) =
    use s = ResultStore.OpenExisting path
    [ for c in s.ReadChunks() -> c.Id ], s.StoredPoints(), s.Total

/// True when two results files hold the same chunks with bit-identical values, statuses and messages.
let private sameResults (a: string) (b: string) =
    use x = ResultStore.OpenExisting a
    use y = ResultStore.OpenExisting b
    List.ofSeq x.Axes = List.ofSeq y.Axes && List.ofSeq x.Kernels = List.ofSeq y.Kernels && x.StoredPoints() = y.StoredPoints()
    && Seq.forall2 (fun (p: ResultChunk) q -> p.SameAs q) (x.ReadChunks()) (y.ReadChunks())

[<Tests>]
let tests =
    testSequenced <| testList "Cli/scan durability" [
        test "killed (SIGKILL) ten times at random moments and resumed each time: every point once, the bits of an uninterrupted run, no journal left" {
            use d = new TempDir()
            let grid = 1500, 1500
            let killed, whole = d.File "killed.db", d.File "whole.db"
            // the uninterrupted run first: its file's size says how far a killed run has come
            ok (scanArgs grid [ "--threads"; "2" ] whole) |> ignore
            let finalSize = FileInfo(whole).Length
            let size () = if File.Exists killed then FileInfo(killed).Length else 0L
            let random = Random 20261205
            let mutable storedBefore = 0L
            let mutable hotJournals = 0
            let counts = Collections.Generic.List<int64>()
            for k in 1 .. 10 do
                use p = start (scanArgs grid [ "--threads"; "1" ] killed) None
                if k % 5 = 1 then
                    // early: at a random moment of its first 0.4 s (start-up, creating the tables, the first chunks)
                    p.WaitForExit(random.Next(20, 400)) |> ignore
                else
                    // during the scan: once the file has grown by a random 5 to 25 % of what is left, whatever the machine's speed
                    let now = size ()
                    let target = now + int64 ((0.05 + 0.2 * random.NextDouble()) * float (finalSize - now))
                    let clock = Stopwatch.StartNew()
                    while not p.HasExited && size () < target && clock.ElapsedMilliseconds < 60000L do
                        Threading.Thread.Sleep 1
                if not p.HasExited then p.Kill true
                p.WaitForExit()
                // a kill inside a chunk's transaction leaves a hot journal (looked at before opening the file rolls it back)
                if File.Exists(killed + "-journal") then hotJournals <- hotJournals + 1
                // killed before its tables were committed, the file is not yet a results file (the next run creates them)
                let mutable problem = null
                let readable = File.Exists killed && (use s = ResultStore.OpenExisting(killed, &problem) in not (isNull s))
                let stored =
                    if not readable then 0L
                    else
                        use s = ResultStore.OpenExisting killed
                        let chunks = [ for c in s.ReadChunks() -> c.Id, c.First, c.Count ]
                        for id, first, count in chunks do
                            let whole = int (min (int64 s.ChunkSize) (s.Total - first))
                            Expect.equal (first, count) (id * int64 s.ChunkSize, whole) $"chunk {id} holds the points of chunk {id}, all of them"
                        let stored = s.StoredPoints()
                        Expect.equal stored (chunks |> List.sumBy (fun (_, _, count) -> int64 count)) "the stored point total is the sum of the chunks' counts"
                        stored
                Expect.isGreaterThanOrEqual stored storedBefore $"kill {k}: no stored point lost"
                if k % 5 <> 1 then
                    Expect.isGreaterThan stored storedBefore $"kill {k}, during the scan: chunks were stored since the kill before"
                storedBefore <- stored
                counts.Add stored
            printfn "kill -9 test: points stored after each kill %s; %d of 10 kills left a hot journal (killed inside a chunk's transaction)"
                (String.Join(", ", counts)) hotJournals
            let resumed = ok (scanArgs grid [] killed)
            Expect.stringContains resumed.Stdout "already stored" "the last run resumed"
            let ids, stored, total = census killed
            Expect.equal (stored, total) (2250000L, 2250000L) "every point stored"
            Expect.equal ids [ 0L .. int64 ids.Length - 1L ] "every chunk once"
            Expect.isTrue (sameResults killed whole) "bit-identical to the uninterrupted run"
            Expect.isFalse (File.Exists(killed + "-journal")) "no journal file left"
            Expect.isFalse (File.Exists(whole + "-journal")) "no journal file left"
        }
        test "--threads 1, 2 and 3 store bit-identical results and export byte-identical CSV" {
            use d = new TempDir()
            let kernels = [ "--kernels"; "etaB_ratio,washout_e,T_osc" ]
            let files =
                [ for t in [ 1; 2; 3 ] ->
                    let db = d.File $"t{t}.db"
                    let r = ok (scanArgs (200, 1000) (kernels @ [ "--threads"; string t; "--csv"; d.File $"t{t}.csv" ]) db)
                    Expect.stringContains r.Stdout $"({t} threads)" "the thread count is the one asked"
                    Expect.stringContains r.Stdout "points/s" "the rate is printed"
                    db ]
            let ids, _, _ = census files.[0]
            Expect.isGreaterThanOrEqual ids.Length 6 "several chunks, so the threads share the work"
            Expect.isTrue (sameResults files.[0] files.[1]) "1 and 2 threads"
            Expect.isTrue (sameResults files.[0] files.[2]) "1 and 3 threads"
            let csv t = File.ReadAllBytes(d.File $"t{t}.csv")
            Expect.isTrue (csv 1 = csv 2 && csv 1 = csv 3) "the same CSV bytes"
            let header = File.ReadLines(d.File "t1.csv") |> Seq.head
            Expect.equal header "idx,re(w23),im(w23),washout_e,T_osc,etaB_ratio,status" "--kernels keeps only those, in the model's order"
        }
        test "shards K of N merged give the unsharded scan; merge reports missing and duplicated points and refuses a shard of another scan" {
            use d = new TempDir()
            let grid = 100, 1000 // chunks of 32 rows: 4 chunks, so shard 0 of 3 holds chunks 0 and 3
            let shard k = d.File $"s{k}.db"
            for k in 0 .. 2 do ok (scanArgs grid [ "--shard"; $"{k}/3" ] (shard k)) |> ignore
            use s0 = ResultStore.OpenExisting(shard 0)
            Expect.equal (s0.Meta.["shard"]) "0/3" "a shard file records K/N"
            Expect.equal ([ for c in s0.ReadChunks() -> c.Id ]) [ 0L; 3L ] "chunk c in shard c mod N"
            let partial = runCli [ "merge"; "--out"; d.File "partial.db"; shard 0; shard 1 ]
            Expect.equal partial.ExitCode 5 partial.Stderr
            Expect.stringContains partial.Stderr "missing: 32000 points (1 chunks: 2;" "names what is missing"
            let full = runCli [ "merge"; "--out"; d.File "merged.db"; shard 0; shard 1; shard 2; shard 1 ]
            Expect.equal full.ExitCode 0 full.Stderr
            Expect.stringContains full.Stdout "merged 100000 points from 3 of 4 shard files" "counts points and shards"
            Expect.stringContains full.Stdout "duplicated: 32000 points (1 chunks)" "reports the duplicate"
            ok (scanArgs grid [] (d.File "whole.db")) |> ignore
            Expect.isTrue (sameResults (d.File "merged.db") (d.File "whole.db")) "merged = unsharded, bit for bit"
            // the partial merge is an ordinary results file: the unsharded scan fills it in
            let filled = ok (scanArgs grid [] (d.File "partial.db"))
            Expect.stringContains filled.Stdout "(32000 computed, 68000 already stored)" "only the missing chunk is computed"
            Expect.isTrue (sameResults (d.File "partial.db") (d.File "whole.db")) "filled in = unsharded"
            ok (scanArgs grid [ "--shard"; "1/3"; "--set"; "vphi=2e5 GeV" ] (d.File "other.db")) |> ignore
            let refused = runCli [ "merge"; "--out"; d.File "bad.db"; shard 0; d.File "other.db" ]
            Expect.equal refused.ExitCode 2 refused.Stderr
            Expect.stringContains refused.Stderr "other.db is not a shard of the same scan" "names the file"
            Expect.stringContains refused.Stderr "its set overrides ('vphi=2e5 GeV', not '')" "says in what it differs"
            Expect.isFalse (File.Exists(d.File "bad.db")) "nothing written"
            let mixed = runCli (scanArgs grid [ "--shard"; "2/3" ] (shard 0))
            Expect.equal mixed.ExitCode 2 "another shard into a shard file"
            Expect.stringContains mixed.Stderr "holds shard 0/3 of this scan, not shard 2/3" "says why"
        }
        test "--shard slurm takes K from SLURM_ARRAY_TASK_ID; unset or out of range is a usage error saying why" {
            use d = new TempDir()
            let args = scanArgs (10, 10) [ "--shard"; "slurm/4" ] (d.File "slurm.db")
            let unset = runWith args None
            Expect.equal unset.ExitCode 2 unset.Stderr
            Expect.stringContains unset.Stderr "SLURM_ARRAY_TASK_ID is not set" "says why"
            let outside = runWith args (Some "4")
            Expect.equal outside.ExitCode 2 outside.Stderr
            Expect.stringContains outside.Stderr "SLURM_ARRAY_TASK_ID is '4', not one of 0..3" "says why"
            let task = runWith args (Some "0")
            Expect.equal task.ExitCode 0 task.Stderr
            Expect.stringContains task.Stdout "shard 0/4: 100 of 100 points" "one chunk: all of it in shard 0"
            use s = ResultStore.OpenExisting(d.File "slurm.db")
            Expect.equal (s.Meta.["shard"]) "0/4" "recorded"
            for bad in [ "4/4"; "x/2"; "1/0"; "1" ] do
                let r = runCli (scanArgs (10, 10) [ "--shard"; bad ] (d.File "bad.db"))
                Expect.equal r.ExitCode 2 $"--shard {bad}"
                Expect.stringContains r.Stderr "--shard" "names the option"
        }
        test "--kernels with an unknown name is a usage error naming the kernels there are" {
            use d = new TempDir()
            let r = runCli (scanArgs (10, 10) [ "--kernels"; "etaB_ratio,eta_b" ] (d.File "k.db"))
            Expect.equal r.ExitCode 2 r.Stderr
            Expect.stringContains r.Stderr "the model has no kernel 'eta_b'; the kernels are: ci_residual, washout_e," "names them"
            Expect.isFalse (File.Exists(d.File "k.db")) "no file"
        }
        test "export --csv and --parquet stream a results file; the same points export the same CSV bytes" {
            use d = new TempDir()
            let db = d.File "e.db"
            ok (scanArgs (40, 50) [ "--csv"; d.File "scan.csv"; "--kernels"; "etaB_ratio,lambda_P" ] db) |> ignore
            ok [ "export"; db; "--csv"; d.File "export.csv"; "--parquet"; d.File "e.parquet" ] |> ignore
            Expect.equal (File.ReadAllBytes(d.File "export.csv")) (File.ReadAllBytes(d.File "scan.csv")) "scan --csv = export --csv"
            let lines = File.ReadAllLines(d.File "export.csv")
            Expect.equal lines.Length 2001 "header and one line per point"
            let parquet = File.ReadAllBytes(d.File "e.parquet")
            let magic (offset: int) = Text.Encoding.ASCII.GetString(parquet, offset, 4)
            Expect.equal (magic 0, magic (parquet.Length - 4)) ("PAR1", "PAR1") "Parquet's magic at both ends"
            let footer = BitConverter.ToInt32(parquet, parquet.Length - 8)
            Expect.isTrue (footer > 0 && footer < parquet.Length - 12) "a footer of plausible length"
            // read back with Parquet.Net: the same columns, points and bits as the results file
            let reader = Parquet.ParquetReader.CreateAsync(d.File "e.parquet").Result
            let fields = reader.Schema.GetDataFields()
            Expect.equal [ for f in fields -> f.Name ] [ "idx"; "re(w23)"; "im(w23)"; "etaB_ratio"; "lambda_P"; "status" ] "the columns (the model's order)"
            use store = ResultStore.OpenExisting db
            let stored = [ for r in store.ReadAll() -> r ]
            let read = Collections.Generic.List<int64 * int64 list * string>()
            for g in 0 .. reader.RowGroupCount - 1 do
                use group = reader.OpenRowGroupReader g
                let n = int group.RowCount
                let idx = Array.zeroCreate<int64> n
                group.ReadAsync<int64>(fields.[0], Memory idx, Nullable(), Threading.CancellationToken.None).AsTask().Wait()
                let columns =
                    [ for f in fields.[1 .. fields.Length - 2] ->
                        let values = Array.zeroCreate<float> n
                        group.ReadAsync<float>(f, Memory values, Nullable(), Threading.CancellationToken.None).AsTask().Wait()
                        values ]
                let status = Array.zeroCreate<string> n
                group.ReadAsync(fields.[fields.Length - 1], Memory status, Nullable(), Threading.CancellationToken.None).AsTask().Wait()
                for p in 0 .. n - 1 do
                    read.Add((idx.[p], [ for c in columns -> BitConverter.DoubleToInt64Bits c.[p] ], status.[p]))
            reader.DisposeAsync().AsTask().Wait()
            Expect.equal (List.ofSeq read) [ for r in stored -> r.Index, [ for v in r.Values -> BitConverter.DoubleToInt64Bits v ], r.Status ] "every point, bit for bit"
            let none = runCli [ "export"; db ]
            Expect.equal none.ExitCode 2 "export needs an output"
        }
    ]
