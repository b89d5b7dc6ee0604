import RecurSweep
import Testing

/// Every class of bad input of issue 4, each with its message and position.
@Suite struct SweepValidationTests {
  @Test(arguments: [
    // YAML syntax
    (
      "fixed:\n  task: adding\n   cell: lstm\n",
      "3:8: YAML syntax error: mapping values are not allowed in this context; expected valid YAML (check indentation, colons, brackets and quotes)"
    ),
    (
      "fixed: {task: adding, cell: lstm\n",
      "2:1: YAML syntax error: did not find expected ',' or '}' (while parsing a flow mapping at line 1); expected valid YAML (check indentation, colons, brackets and quotes)"
    ),
    (
      "fixed:\n  task: adding\n  task: copy\n",
      "3:3: duplicate key task (first at line 2); expected each key once in a mapping"
    ),
    (
      "",
      "1:1: the file is empty; expected a mapping of sweep settings such as method: grid, fixed: {task: adding}, parameters: {cell: {values: [rnn, lstm]}}"
    ),
    (
      "- a\n- b\n",
      "1:1: expected a mapping of sweep settings (name, method, fixed, parameters, …); found a list"
    ),
  ])
  func yamlErrorsGiveTheirPosition(yaml: String, message: String) {
    #expect(SweepTesting.problems(yaml) == [message])
  }

  @Test(arguments: [
    // unknown keys, with "did you mean"
    ("metrik: eval_loss\n", "4:1: unknown setting 'metrik'; did you mean 'metric'?"),
    (
      "colour: red\n",
      "4:1: unknown setting 'colour'; expected one of name, description, method, samples, sample_seed, seeds, repeats, metric, attempts, max_trials, fixed, parameters"
    ),
    (
      "hidden: 64\n",
      "4:1: hidden is a trial key, not a sweep setting; expected it under fixed or parameters (check the indentation)"
    ),
    (
      "parameters:\n  hiden: {values: [1]}\n",
      "5:3: unknown trial key 'hiden'; did you mean 'hidden'?"
    ),
    (
      "parameters:\n  hidden: {valeus: [1]}\n",
      "5:12: hidden: unknown key 'valeus'; did you mean 'values'?"
    ),
    (
      "parameters:\n  hidden: {values: [8], distrib: x}\n",
      "5:25: hidden: unknown key 'distrib'; did you mean 'distribution'?"
    ),
    (
      "parameters:\n  hidden: {distribution: log_unifrom, min: 1, max: 2}\n",
      "5:26: hidden: distribution: 'log_unifrom' is not allowed; expected one of categorical, constant, uniform, log_uniform, log_uniform_values, int_uniform, q_uniform, q_log_uniform, q_log_uniform_values, normal (did you mean 'log_uniform'?)"
    ),
    (
      "metric: {name: eval_los}\n",
      "4:16: metric name: 'eval_los' is not allowed; expected one of eval_loss, final_eval_loss, best_eval_loss, train_loss, final_loss, bits_per_char, solved_at_step, gradient_retention, steps_per_second, wall_seconds (did you mean 'eval_loss'?)"
    ),
    (
      "method: gird\n",
      "4:9: method: 'gird' is not allowed; expected one of grid, random (did you mean 'grid'?)"
    ),
  ])
  func unknownKeysSuggestTheClosestName(tail: String, message: String) {
    #expect(SweepTesting.problems(SweepTesting.head + tail) == [message])
  }

  @Test(arguments: [
    // wrong types
    (
      "attempts: three\n",
      "4:11: attempts: 'three' is not a number; expected an integer from 1 to 100"
    ),
    (
      "attempts: \"3\"\n",
      "4:11: attempts: expected an integer from 1 to 100; found the quoted text \"3\""
    ),
    (
      "seeds: 3\n",
      "4:8: seeds: expected a list of seeds such as [1, 2, 3] (or repeats: 3); found '3'"
    ),
    (
      "parameters: [cell]\n",
      "4:13: parameters: expected a mapping of trial keys to distributions such as {cell: {values: [rnn, lstm]}}; found a list"
    ),
    (
      "parameters:\n  hidden: [32, 64]\n",
      "5:11: hidden: expected a mapping such as {values: [a, b]} or {distribution: uniform, min: 0, max: 1}; found a list"
    ),
    (
      "parameters:\n  hidden: {values: 64}\n",
      "5:20: hidden: values must be a list such as [a, b]; found '64'"
    ),
    (
      "parameters:\n  hidden: {values: [\"64\"]}\n",
      "5:21: hidden: the quoted text \"64\" is text, not a number; expected an integer from 1 to 4096, written without quotes"
    ),
    (
      "parameters:\n  lr: {distribution: uniform, min: low, max: 1}\n",
      "5:36: lr: min: 'low' is not a finite number; expected a number such as 0.01"
    ),
    (
      "parameters:\n  hidden: {values: [[1, 2]]}\n",
      "5:21: hidden: expected an integer from 1 to 4096; found a list"
    ),
    (
      "parameters:\n  init: {distribution: uniform, min: 1, max: 2}\n",
      "5:24: init: uniform draws numbers but init takes one of default, xavier, orthogonal, identity; expected values or value"
    ),
    (
      "parameters:\n  steps: {}\n",
      "5:10: steps: no values and no distribution; expected {values: [a, b]}, {value: a} or {distribution: uniform, min: 0, max: 1}"
    ),
    (
      "samples: \n",
      "4:1: samples applies to method random only; expected no samples under method grid (or method: random)"
    ),
  ])
  func wrongTypesSayWhatWasFound(tail: String, message: String) {
    #expect(SweepTesting.problems(SweepTesting.head + tail).contains(message))
  }

  @Test(arguments: [
    // empty lists, min > max, log min <= 0, fractions, values outside the allowed set
    (
      "parameters:\n  seq_len: {values: []}\n",
      "5:21: seq_len: values is empty; expected at least one value"
    ),
    ("seeds: []\n", "4:8: seeds: the list is empty; expected at least one seed, such as [1]"),
    (
      "parameters:\n  hidden: {distribution: int_uniform, min: 256, max: 32}\n",
      "5:44: hidden: min 256 is greater than max 32; expected min ≤ max"
    ),
    (
      "method: random\nsamples: 5\nparameters:\n  lr: {distribution: log_uniform, min: 0, max: 0.1}\n",
      "7:40: lr: min 0 is not positive; expected min > 0, since log_uniform draws the logarithm"
    ),
    (
      "method: random\nsamples: 5\nparameters:\n  clip: {distribution: q_log_uniform, min: -1, max: 4, q: 1}\n",
      "7:44: clip: min -1 is not positive; expected min > 0, since q_log_uniform draws the logarithm"
    ),
    (
      "parameters:\n  batch: {values: [16, 32.5]}\n",
      "5:24: batch: 32.5 is a fraction; expected an integer from 1 to 4096"
    ),
    (
      "parameters:\n  hidden: {distribution: int_uniform, min: 1.5, max: 8}\n",
      "5:44: hidden: min 1.5 is a fraction; expected an integer (hidden takes integers)"
    ),
    (
      "method: random\nsamples: 5\nparameters:\n  hidden: {distribution: uniform, min: 8, max: 64}\n",
      "7:26: hidden: uniform draws fractions but hidden takes integers; expected int_uniform, q_uniform or q_log_uniform with an integer q, or values"
    ),
    (
      "parameters:\n  hidden: {distribution: q_uniform, min: 8, max: 64, q: 2.5}\n",
      "5:57: hidden: q 2.5 is a fraction; expected an integer q (hidden takes integers)"
    ),
    (
      "fixed:\n  steps: 3000.5\n",
      "4:10: steps: 3000.5 is a fraction; expected an integer from 1 to 10000000"
    ),
    (
      "parameters:\n  cell: {values: [rnn, lstn]}\n",
      "5:24: cell: 'lstn' is not allowed; expected one of rnn, rnn_relu, lstm, gru"
    ),
    (
      "parameters:\n  hidden: {values: [0, 64]}\n",
      "5:21: hidden: 0 is out of range; expected an integer from 1 to 4096"
    ),
    (
      "parameters:\n  lr: {values: [0.1, 20]}\n",
      "5:22: lr: 20 is out of range; expected a number greater than 0 and at most 10"
    ),
    (
      "method: random\nsamples: 5\nparameters:\n  lr: {distribution: uniform, min: 0.1, max: 20}\n",
      "7:46: lr: max 20 is out of range; expected a number greater than 0 and at most 10"
    ),
    (
      "parameters:\n  hidden: {values: [64, 64]}\n",
      "5:25: hidden: 64 appears twice in values; expected each value once"
    ),
    (
      "method: random\nsamples: 5\nparameters:\n  lr: {distribution: normal, mu: 1, sigma: 0}\n",
      "7:44: lr: sigma 0 is not positive; expected sigma > 0"
    ),
    (
      "parameters:\n  clip: {distribution: q_uniform, min: 0.1, max: 0.2, q: 1}\n",
      "5:58: clip: no multiple of q 1 lies between min 0.1 and max 0.2; expected a smaller q or wider bounds"
    ),
  ])
  func impossibleValuesAreRefused(tail: String, message: String) {
    #expect(SweepTesting.problems(SweepTesting.head.replacingFixed(by: tail)).contains(message))
  }

  @Test(arguments: [
    // methods
    (
      "parameters:\n  lr: {distribution: log_uniform, min: 1e-4, max: 1e-2}\n",
      "5:22: lr: log_uniform is continuous and method grid cannot enumerate it; expected values, value, int_uniform, q_uniform or q_log_uniform, or method: random"
    ),
    (
      "parameters:\n  lr: {min: 0.001, max: 0.01}\n",
      "5:7: lr: uniform is continuous and method grid cannot enumerate it; expected values, value, int_uniform, q_uniform or q_log_uniform, or method: random"
    ),
    (
      "samples: 10\n",
      "4:1: samples applies to method random only; expected no samples under method grid (or method: random)"
    ),
    (
      "sample_seed: 3\n",
      "4:1: sample_seed applies to method random only; expected no sample_seed under method grid (or method: random)"
    ),
    (
      "method: random\n",
      "4:9: method random needs samples; expected samples: N, the number of configurations to draw"
    ),
  ])
  func methodsAllowOnlyTheirSettings(tail: String, message: String) {
    #expect(SweepTesting.problems(SweepTesting.head + tail) == [message])
  }

  @Test(arguments: [
    // when
    (
      "parameters:\n  forget_bias: {values: [0, 1], when: {cel: lstm}}\n",
      "5:40: forget_bias: when names unknown trial key 'cel'; did you mean 'cell'?"
    ),
    (
      "task: adding\nparameters:\n  cell: {values: [rnn, lstm]}\n  forget_bias: {values: [0, 1], when: {cell: gru}}\n",
      "5:46: forget_bias: when cell: cell never takes gru in this sweep; expected one of rnn, lstm"
    ),
    (
      "task: adding\nparameters:\n  cell: {values: [rnn, lstm]}\n  forget_bias: {values: [0, 1], when: {cell: [lstm, lstn]}}\n",
      "5:53: forget_bias: when cell: 'lstn' is not allowed; expected one of rnn, rnn_relu, lstm, gru"
    ),
    (
      "parameters:\n  forget_bias: {values: [0, 1], when: {optimizer: sgd}}\n",
      "5:51: forget_bias: when optimizer: optimizer never takes sgd in this sweep; expected adam (its default)"
    ),
    (
      "parameters:\n  forget_bias: {values: [0, 1], when: {forget_bias: 1}}\n",
      "5:40: forget_bias: when names forget_bias itself; expected another key, such as cell"
    ),
    (
      "parameters:\n  forget_bias: {values: [0, 1], when: lstm}\n",
      "5:39: forget_bias: when must be a mapping such as {cell: lstm}; found 'lstm'"
    ),
    (
      "method: random\nsamples: 3\nparameters:\n  lr: {distribution: log_uniform, min: 0.001, max: 0.1}\n  clip: {values: [0, 1], when: {lr: 0.01}}\n",
      "8:33: clip: when names lr, which is drawn from log_uniform; expected a key swept with values or fixed"
    ),
    (
      "seeds: [1, 2]\nparameters:\n  clip: {values: [0, 1], when: {seed: 1}}\n",
      "6:33: clip: when names seed, which seeds or repeats sets for every configuration; expected another key"
    ),
  ])
  func conditionsNameKeysAndValuesTheSweepHas(tail: String, message: String) {
    let yaml =
      tail.hasPrefix("task:")
      ? "fixed:\n  " + tail : SweepTesting.head + tail
    #expect(SweepTesting.problems(yaml) == [message])
  }

  @Test func conditionsThatDependOnEachOtherInALoopAreRefused() {
    let yaml =
      SweepTesting.head + """
        parameters:
          clip: {values: [0, 1], when: {clip_value: 1}}
          clip_value: {values: [0, 1], when: {clip: 1}}
        """
    #expect(
      SweepTesting.problems(yaml) == [
        "5:26: clip: the when conditions of clip, clip_value depend on each other in a loop; expected conditions that can be resolved one after another",
        "6:32: clip_value: the when conditions of clip, clip_value depend on each other in a loop; expected conditions that can be resolved one after another",
      ])
  }

  @Test(arguments: [
    // conflicts and required keys
    (
      "fixed:\n  task: adding\n  cell: lstm\n  lr: 0.01\nparameters:\n  lr: {values: [0.1, 0.2]}\n",
      "6:3: lr is both fixed (line 4) and swept; expected it under fixed or under parameters, not both"
    ),
    (
      "seeds: [1, 2]\nrepeats: 2\nfixed: {task: adding, cell: lstm}\n",
      "2:1: seeds and repeats both given; expected one of them"
    ),
    (
      "seeds: [2]\nfixed: {task: adding, cell: lstm, seed: 4}\n",
      "1:1: seeds sets the trial key seed, which fixed also sets (line 2); expected one of them"
    ),
    (
      "repeats: 2\nfixed: {task: adding, cell: lstm}\nparameters:\n  seed: {values: [1, 2]}\n",
      "1:1: repeats sets the trial key seed, which parameters also sweeps (line 4); expected one of them"
    ),
    (
      "seeds: [1]\nfixed: {task: adding, cell: lstm}\nparameters:\n  seed: {values: [1, 2]}\n",
      "1:1: seeds sets the trial key seed, which parameters also sweeps (line 4); expected one of them"
    ),
    (
      "fixed: {cell: lstm}\n",
      "1:1: no task given, and every trial needs one; expected task under fixed (such as task: adding) or under parameters"
    ),
    (
      "parameters:\n  task: {values: [adding]}\n",
      "1:1: no cell given, and every trial needs one; expected cell under fixed (such as cell: lstm) or under parameters"
    ),
    (
      "fixed: {task: adding}\nparameters:\n  cell: {values: [rnn, lstm], when: {steps: 1000}}\n",
      "3:31: cell is needed by every trial, so it cannot have a when; expected cell swept in every configuration"
    ),
  ])
  func conflictingSettingsAreRefused(yaml: String, message: String) {
    #expect(SweepTesting.problems(yaml) == [message])
  }

  @Test func moreTrialsThanMaxTrialsIsRefused() {
    let grid =
      SweepTesting.head + """
        seeds: [1, 2]
        max_trials: 50
        parameters:
          hidden: {distribution: int_uniform, min: 1, max: 10}
          batch: {values: [1, 2, 3]}
        """
    #expect(
      SweepTesting.problems(grid) == [
        "5:13: the sweep expands to 60 trials, more than max_trials 50; expected at most 50: sweep fewer values or raise max_trials (at most 1000000)"
      ])
    let huge =
      SweepTesting.head + """
        parameters:
          hidden: {distribution: int_uniform, min: 1, max: 4096}
          batch: {distribution: int_uniform, min: 1, max: 4096}
        """
    #expect(
      SweepTesting.problems(huge) == [
        "4:1: the sweep expands to 16777216 trials, more than max_trials 100000; expected at most 100000: sweep fewer values or raise max_trials"
      ])
    let random =
      SweepTesting.head + """
        method: random
        samples: 40000
        repeats: 3
        parameters:
          lr: {distribution: log_uniform, min: 0.0001, max: 0.1}
        """
    #expect(
      SweepTesting.problems(random) == [
        "5:10: the sweep expands to 120000 trials, more than max_trials 100000; expected at most 100000: sweep fewer values or raise max_trials"
      ])
  }

  @Test func aBadFixedValueIsReportedOnceNotAlsoAsMissing() {
    #expect(
      SweepTesting.problems("fixed: {task: adding, cell: [lstm]}\n") == [
        "1:29: cell: fixed takes one value, found a list; expected one of rnn, rnn_relu, lstm, gru (to sweep cell, move it under parameters with values: [...])"
      ])
  }

  @Test func anEmptyListInAConditionIsRefused() {
    let yaml =
      SweepTesting.head + "parameters:\n  forget_bias: {values: [0, 1], when: {cell: []}}\n"
    #expect(
      SweepTesting.problems(yaml) == [
        "5:46: forget_bias: when cell: the list is empty; expected at least one value"
      ])
  }

  @Test func aGridTooLargeToCountSaysSo() {
    let yaml =
      SweepTesting.head
      + "parameters:\n  forget_bias: {distribution: q_uniform, min: -1, max: 1, q: 1e-300}\n"
    #expect(
      SweepTesting.problems(yaml) == [
        "4:1: the sweep expands to more trials than max_trials 100000; expected at most 100000: sweep fewer values or raise max_trials"
      ])
  }

  @Test func everyProblemIsReportedAtOnceInFileOrder() {
    let yaml = """
      name: bad sweep
      metrik: eval_loss
      attempts: 0
      fixed:
        task: adding
        hiden: 64
      parameters:
        cell: {values: [rnn, lstn]}
        seq_len: {values: []}
        hidden: {distribution: int_uniform, min: 256, max: 32}
        clip: {distribution: uniform, min: 0, max: 5}
      """
    let problems = SweepTesting.problems(yaml)
    #expect(
      problems == [
        "1:7: name: 'bad sweep' has characters a results folder cannot use; expected 1 to 64 letters, digits, '.', '_' or '-', not starting with '.'",
        "2:1: unknown setting 'metrik'; did you mean 'metric'?",
        "3:11: attempts: 0 is out of range; expected an integer from 1 to 100",
        "6:3: unknown trial key 'hiden'; did you mean 'hidden'?",
        "8:24: cell: 'lstn' is not allowed; expected one of rnn, rnn_relu, lstm, gru",
        "9:21: seq_len: values is empty; expected at least one value",
        "10:44: hidden: min 256 is greater than max 32; expected min ≤ max",
        "11:24: clip: uniform is continuous and method grid cannot enumerate it; expected values, value, int_uniform, q_uniform or q_log_uniform, or method: random",
      ])
  }

  @Test func sweepErrorPrintsOneDiagnosticPerLineWithTheFileName() {
    do {
      _ = try Sweep.parse(text: "metrik: 1\nattempts: 0\n", path: "dir/x.yaml")
      Issue.record("expected an error")
    } catch {
      let lines = error.description.split(separator: "\n")
      #expect(lines.count == 4)  // metrik, no task, no cell, attempts
      #expect(
        lines.last
          == "dir/x.yaml:2:11: attempts: 0 is out of range; expected an integer from 1 to 100")
      #expect(
        lines.contains(
          "dir/x.yaml:1:1: no task given, and every trial needs one; expected task under fixed (such as task: adding) or under parameters"
        ))
      #expect(lines.contains("dir/x.yaml:1:1: unknown setting 'metrik'; did you mean 'metric'?"))
    }
  }

  @Test func aMissingFileIsNotAnInvalidOne() {
    #expect {
      try Sweep.load(path: "/nonexistent/sweep.yaml")
    } throws: { error in
      guard case .missingFile(let path, _) = error as? SweepError else { return false }
      return path == "/nonexistent/sweep.yaml"
    }
  }
}

extension String {
  /// Replaces the head's fixed block when `tail` brings its own.
  fileprivate func replacingFixed(by tail: String) -> String {
    tail.hasPrefix("fixed:")
      ? "fixed:\n  task: adding\n  cell: lstm\n" + tail.dropFirst("fixed:\n".count)
      : self + tail
  }
}
