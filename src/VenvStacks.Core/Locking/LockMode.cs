namespace VenvStacks.Core.Locking;

/// <summary>When layers are (re)locked.</summary>
public enum LockMode
{
    /// <summary>Lock layers without a valid lock; layers with one are left alone (venvstacks' <c>--if-needed</c>).</summary>
    Auto,

    /// <summary>Never touch the network or a lock; a stale or missing lock is an error (like <c>npm ci</c>).</summary>
    Locked,

    /// <summary>Relock every selected layer. The previous lock is a preference: only what must change changes.</summary>
    Update,
}
