package madjep.sim.nemesis;

/**
 * The world a system runs in beyond the network: its disks, its CPUs, inboxes and memory, the regions it spans, and
 * what the run watches; each with the parameters of the faults that attack it. One value in a scenario, so that the
 * fault model grows without growing the scenario's own fields.
 */
public record Environment(StorageSettings storage, ResourceSettings resources, RegionSettings regions,
    CheckSettings checks) {

  public static Environment defaults() {
    return new Environment(StorageSettings.defaults(), ResourceSettings.defaults(), RegionSettings.none(),
        CheckSettings.defaults());
  }

  public Environment withStorage(StorageSettings s) {
    return new Environment(s, resources, regions, checks);
  }

  public Environment withResources(ResourceSettings r) {
    return new Environment(storage, r, regions, checks);
  }

  public Environment withRegions(RegionSettings r) {
    return new Environment(storage, resources, r, checks);
  }

  public Environment withChecks(CheckSettings c) {
    return new Environment(storage, resources, regions, c);
  }
}
