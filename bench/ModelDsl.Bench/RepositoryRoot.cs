namespace ModelDsl.Bench;

/// <summary>The repository's root (the folder holding ModelDsl.sln), found upwards from the benchmark's binaries.</summary>
internal static class RepositoryRoot
{
    /// <summary>The root folder; throws when the benchmark runs outside the repository.</summary>
    public static string Path
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "ModelDsl.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("ModelDsl.sln not found");
        }
    }
}
