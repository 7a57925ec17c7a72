namespace ModelDsl.Plotting;

/// <summary>A tick of an axis or colour bar at <paramref name="Position"/> (plot coordinates), labelled with the real value it stands for; a minor tick has no label.</summary>
public sealed record ScaleTick(double Position, string Label, bool Major);
