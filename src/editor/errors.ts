import { TandemError } from '../errors.js';

/** The model's answer holds no edit tandem can read; `modelMessage` tells the model how to fix it. */
export class EditFormatError extends TandemError {
  readonly modelMessage: string;

  constructor(message: string, modelMessage: string = message) {
    super(message);
    this.name = 'EditFormatError';
    this.modelMessage = modelMessage;
  }
}
