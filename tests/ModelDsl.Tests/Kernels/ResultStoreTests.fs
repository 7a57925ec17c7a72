/// The results store (docs/scans.md): one SQLite row per chunk, a float64 blob per column, the constant encoding, status codes
/// and messages; the runner's chunks, shards and resume over it.
module ModelDsl.Tests.Kernels.ResultStoreTests

open System
open System.Collections.Generic
open System.Collections.Immutable
open System.IO
open Expecto
open FsCheck
open ModelDsl
open ModelDsl.Kernels.Scans
open ModelDsl.Tests.TestSupport

/// A temporary results file (and its journal) deleted by Dispose.
type private TempStore() =
    let path = Path.Combine(Path.GetTempPath(), "modeldsl-store-" + Guid.NewGuid().ToString("N") + ".db")
    member _.Path = path
    interface IDisposable with
        member _.Dispose() =
            for p in [ path; path + "-journal" ] do
                if File.Exists p then File.Delete p

let private axis (name: string) (values: float list) = struct (name, ImmutableArray.CreateRange values)

let private openStore (path: string) (fingerprint: string) (shard: string option) (axes: seq<struct (string * ImmutableArray<float>)>) (kernels: string list) (chunk: int) =
    let description = readOnlyDict [ match shard with Some s -> "shard", s | None -> () ]
    let mutable problem = null
    let store = ResultStore.Open(path, fingerprint, description, Seq.toArray axes, List.toArray kernels, chunk, &problem)
    store, problem

let private chunk (id: int64) (first: int64) (count: int) (values: float[]) (status: byte[]) (messages: (int * string) list) =
    ResultChunk(id, first, count, ReadOnlyMemory values, ReadOnlyMemory status, readOnlyDict messages)

let private bits (v: float) = BitConverter.DoubleToInt64Bits v

/// NaN with a payload: the store keeps the raw double, not merely "a NaN".
let private payloadNaN = BitConverter.Int64BitsToDouble 0x7FF8000000000123L

/// Six points of one axis in chunks of 4 (the second holds 2), three kernels a, b, c, column-major per chunk.
let private sample (path: string) =
    let store, problem = openStore path "fp" None [ axis "x" [ 0.0; 0.5; 1.0; 1.5; 2.0; 2.5 ] ] [ "a"; "b"; "c" ] 4
    Expect.isNull problem "a new file"
    use store = store
    // chunk 0: a = (1, -0.0, nan, 4), b constant 5, c = (+inf, -inf, payload NaN, 0); point 3 is an error
    store.Write(chunk 0L 0L 4 [| 1.0; -0.0; nan; 4.0; 5.0; 5.0; 5.0; 5.0; infinity; -infinity; payloadNaN; 0.0 |]
                    [| ResultStore.NonFinite; ResultStore.NonFinite; ResultStore.NonFinite; ResultStore.Error |]
                    [ 3, "error: texture_fit has no value, \"no solution\" here" ])
    store.Write(chunk 1L 4L 2 [| 7.0; 8.0; 0.0; -0.0; nan; nan |] [| ResultStore.NonFinite; ResultStore.NonFinite |] [])

let private sql (path: string) (query: string) =
    use c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False")
    c.Open()
    use cmd = c.CreateCommand()
    cmd.CommandText <- query
    use r = cmd.ExecuteReader()
    [ while r.Read() do yield [ for k in 0 .. r.FieldCount - 1 -> r.GetValue k ] ]

/// A two-axis model whose kernels are simple functions of the axes (1/x is infinite at x = 0).
let private tinyModel = """model tiny "store tests"
group U1 : U(1)
fermion L { chirality: left, U1: 1 }
param x, y : real
kernel s = x + 1000*y
kernel inv = 1/x
kernel two = 2
"""

let private tinyRunner nx ny =
    use model = new TempFile(tinyModel, ".mdl")
    use card = new TempFile("card \"t\" for tiny\nx = 1   y = 0\n", ".card")
    let numeric = ModelCompilation.FromFile(model.Path).CreateNumericOrThrow(card.Path)
    let mutable problem = null
    let r = ScanRunner.Create(numeric.Kernels, numeric.Point, [| GridAxis("x", -1.0, 1.0, nx, false); GridAxis("y", 0.0, 3.0, ny, false) |], &problem)
    Expect.isNull problem "valid axes"
    Expect.isTrue r.CompiledForAxes $"compiled ({r.FallbackReason})"
    r

/// Every stored chunk of the files, in id order.
let private chunksOf (paths: string list) =
    [ for p in paths do
        use s = ResultStore.OpenExisting p
        yield! s.ReadChunks() ]
    |> List.sortBy (fun c -> c.Id)

[<Tests>]
let tests =
    testList "Kernels/results store" [
        test "NaN (with its payload), +inf, -inf, -0.0, status codes and messages round-trip bit for bit" {
            use f = new TempStore()
            sample f.Path
            use store = ResultStore.OpenExisting f.Path
            let chunks = store.ReadChunks() |> List.ofSeq
            Expect.equal (chunks |> List.map (fun c -> c.Id, c.First, c.Count)) [ 0L, 0L, 4; 1L, 4L, 2 ] "two chunks"
            let values = chunks |> List.collect (fun c -> c.Values.ToArray() |> Array.map bits |> List.ofArray)
            let expected = [| 1.0; -0.0; nan; 4.0; 5.0; 5.0; 5.0; 5.0; infinity; -infinity; payloadNaN; 0.0; 7.0; 8.0; 0.0; -0.0; nan; nan |]
            Expect.equal values (expected |> Array.map bits |> List.ofArray) "the same 64 bits"
            let rows = store.ReadAll() |> List.ofSeq
            Expect.equal (rows |> List.map (fun r -> r.Index)) [ 0L .. 5L ] "one row per point, in order"
            Expect.equal (rows |> List.map (fun r -> r.Status))
                [ "non-finite: c"; "non-finite: c"; "non-finite: a c"; "error: texture_fit has no value, \"no solution\" here"; "non-finite: c"; "non-finite: c" ]
                "statuses: the non-finite columns named, the error's message"
            Expect.equal (rows |> List.map (fun r -> r.Values.[0])) [ 0.0; 0.5; 1.0; 1.5; 2.0; 2.5 ] "axis values from the axis table"
            use w = new StringWriter()
            store.ExportCsv w
            let lines = w.ToString().Split('\n')
            Expect.equal lines.[0] "idx,x,a,b,c,status" "header"
            Expect.equal lines.[2] "1,0.5,-0,5,-inf,non-finite: c" "-0 and -inf"
            Expect.equal lines.[3] "2,1,nan,5,nan,non-finite: a c" "nan"
            Expect.equal lines.[4] "3,1.5,4,5,0,\"error: texture_fit has no value, \"\"no solution\"\" here\"" "a quoted message"
            Expect.equal lines.[1] "0,0,1,5,inf,non-finite: c" "inf"
        }
        test "a column whose values are bit-identical over a chunk is one float64 (the constant encoding); 0.0 and -0.0 are not identical" {
            use f = new TempStore()
            sample f.Path
            let lengths = sql f.Path "SELECT length(status), length(c0), length(c1), length(c2) FROM chunks ORDER BY id"
            Expect.equal lengths [ [ box 4L; box 32L; box 8L; box 32L ]; [ box 1L; box 16L; box 16L; box 8L ] ]
                "chunk 0: b = 5 throughout is 8 bytes; chunk 1: one status code, (0.0, -0.0) two values, (NaN, NaN) one"
        }
        test "a file of another scan, or of another shard of it, is refused and left as it was" {
            use f = new TempStore()
            sample f.Path
            let before = File.ReadAllBytes f.Path
            let other, problem = openStore f.Path "another" None [ axis "x" [ 0.0 ] ] [ "a" ] 4
            Expect.isNull other "not opened"
            Expect.stringContains problem "different scan" "says why"
            let shard, problem = openStore f.Path "fp" (Some "1/2") [ axis "x" [ 0.0 ] ] [ "a" ] 4
            Expect.isNull shard "not opened"
            Expect.stringContains problem "shard 1/2" "names the shard"
            Expect.equal (File.ReadAllBytes f.Path) before "unchanged"
            Expect.isFalse (File.Exists(f.Path + "-journal")) "no journal left"
        }
        test "python3 reads a results file with the standard library (the snippet of docs/scans.md)" {
            match (try Some(System.Diagnostics.Process.Start(System.Diagnostics.ProcessStartInfo("python3", "--version", RedirectStandardOutput = true))) with _ -> None) with
            | None -> skiptest "python3 is not installed here"
            | Some p ->
                p.WaitForExit()
                use f = new TempStore()
                sample f.Path
                let script = File.ReadAllText(Path.Combine(repoRoot, "docs", "scans.md"))
                let start = script.IndexOf("```python\n# read-results") + "```python\n".Length
                let snippet = script.Substring(start, script.IndexOf("```", start) - start)
                use py = new TempFile(snippet + "\nfor idx, point, values, status, message in rows:\n    print(idx, [struct.pack('<d', v).hex() for v in point + values], status, message)\n", ".py")
                let run = runProcess "python3" [ py.Path; f.Path ] (Path.GetTempPath()) [] 60
                Expect.equal run.ExitCode 0 run.Stderr
                let out = run.Stdout
                use store = ResultStore.OpenExisting f.Path
                let hex (v: float) = BitConverter.GetBytes(v) |> Array.map (fun b -> b.ToString("x2")) |> String.concat ""
                let expected =
                    [ for r in store.ReadAll() ->
                        let word, message = if r.Status = "ok" then "ok", "None" elif r.Status.StartsWith "non-finite" then "non-finite", "None" else "error", r.Status
                        let list = r.Values |> Array.map (fun v -> $"'{hex v}'") |> String.concat ", "
                        $"{r.Index} [{list}] {word} {message}" ]
                Expect.equal (out.TrimEnd().Split('\n') |> List.ofArray) expected "the same points, bits, statuses and messages"
        }
        test "python3 reads the CSV export with the csv module (the snippet of docs/scans.md): every number's bits, NaN and infinities as such" {
            match (try Some(System.Diagnostics.Process.Start(System.Diagnostics.ProcessStartInfo("python3", "--version", RedirectStandardOutput = true))) with _ -> None) with
            | None -> skiptest "python3 is not installed here"
            | Some p ->
                p.WaitForExit()
                use f = new TempStore()
                sample f.Path
                let folder = Path.Combine(Path.GetTempPath(), "modeldsl-csv-" + Guid.NewGuid().ToString("N"))
                Directory.CreateDirectory folder |> ignore
                try
                    use store = ResultStore.OpenExisting f.Path
                    do (use w = new StreamWriter(Path.Combine(folder, "s.csv")) in store.ExportCsv w)
                    let docs = File.ReadAllText(Path.Combine(repoRoot, "docs", "scans.md"))
                    let start = docs.IndexOf("```python\nimport csv") + "```python\n".Length
                    let snippet = docs.Substring(start, docs.IndexOf("```", start) - start)
                    let script = Path.Combine(folder, "read.py")
                    File.WriteAllText(script, snippet + "\nimport struct\nfor r in rows:\n    print(' '.join(struct.pack('<d', v).hex() for k, v in r.items() if k != 'status') + '|' + r['status'])\n")
                    let run = runProcess "python3" [ script ] folder [] 60
                    Expect.equal run.ExitCode 0 run.Stderr
                    let out = run.Stdout
                    // CSV keeps no NaN payload: every NaN reads back as Python's float("nan")
                    let hex (v: float) = BitConverter.GetBytes(if Double.IsNaN v then BitConverter.Int64BitsToDouble 0x7ff8000000000000L else v) |> Array.map (fun b -> b.ToString("x2")) |> String.concat ""
                    let expected = [ for r in store.ReadAll() -> (Array.append [| float r.Index |] r.Values |> Array.map hex |> String.concat " ") + "|" + r.Status ]
                    Expect.equal (out.TrimEnd().Split('\n') |> List.ofArray) expected "the same points, bits (NaN canonical) and statuses"
                finally
                    try Directory.Delete(folder, true) with _ -> ()
        }
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 25 } "the N shards of a grid store every point exactly once, with the values of one whole run (any grid, chunk size, N)" (
            fun (NonNegativeInt a) (NonNegativeInt b) (NonNegativeInt c) (NonNegativeInt d) ->
                let nx, ny, size, n = 1 + a % 6, 1 + b % 40, 1 + c % 50, 1 + d % 5
                let r = tinyRunner nx ny
                let files = [ for _ in 1 .. n -> new TempStore() ]
                try
                    for k in 0 .. n - 1 do
                        let store, problem = openStore files.[k].Path "fp" (Some $"{k}/{n}") r.AxisTable [ "s"; "inv"; "two" ] size
                        Expect.isNull problem "a new shard file"
                        use store = store
                        r.Run(store, [| 0; 1; 2 |], 2, k, n) |> ignore
                    let chunks = chunksOf [ for f in files -> f.Path ]
                    Expect.equal (chunks |> List.map (fun c -> c.Id)) [ 0L .. int64 ((nx * ny + size - 1) / size) - 1L ] "each chunk once"
                    Expect.equal (chunks |> List.collect (fun c -> [ c.First .. c.First + int64 c.Count - 1L ])) [ 0L .. int64 (nx * ny) - 1L ] "each point once"
                    for k in 0 .. n - 1 do
                        for c in chunksOf [ files.[k].Path ] do
                            Expect.equal (c.Id % int64 n) (int64 k) "chunk c in shard c mod N"
                    // the same values as the runner's row evaluation of the whole grid (runs split anywhere in a row)
                    let rows = r.Evaluate([| 0L .. int64 (nx * ny) - 1L |])
                    for c in chunks do
                        let values = c.Values.ToArray()
                        for p in 0 .. c.Count - 1 do
                            for j in 0 .. 2 do
                                Expect.equal (bits values.[j * c.Count + p]) (bits rows.[int c.First + p].Values.[2 + j]) "same bits"
                finally
                    for f in files do (f :> IDisposable).Dispose())
        test "a run resumes: the chunks already stored are skipped and the result is the uninterrupted one, bit for bit" {
            let r = tinyRunner 7 30
            use part = new TempStore()
            use full = new TempStore()
            let axes = r.AxisTable
            let run path shard count =
                let store, problem = openStore path "fp" None axes [ "inv"; "s" ] 16
                Expect.isNull problem "the same scan"
                use store = store
                r.Run(store, [| 1; 0 |], 1, shard, count)
            // a first run that stored every other chunk (as a kill would leave some), then the resume
            let struct (first, _, _) = run part.Path 0 2
            let struct (computed, skipped, failed) = run part.Path 0 1
            Expect.equal (first, computed, skipped, failed) (112L, 98L, 112L, 0L) "210 points: 7 of 14 chunks, then the other 7"
            run full.Path 0 1 |> ignore
            let a, b = chunksOf [ part.Path ], chunksOf [ full.Path ]
            Expect.equal a.Length b.Length "same chunks"
            Expect.isTrue (List.forall2 (fun (x: ResultChunk) y -> x.SameAs y) a b) "bit-identical"
            let inv = a |> List.collect (fun c -> List.zip (List.ofArray (c.Values.ToArray().[.. c.Count - 1])) (List.ofArray (c.Status.ToArray())))
            Expect.isTrue (inv |> List.exists (fun (v, s) -> Double.IsPositiveInfinity v && s = ResultStore.NonFinite)) "1/x = inf at x = 0, status non-finite"
        }
    ]
